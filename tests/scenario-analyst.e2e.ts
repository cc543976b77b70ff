import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gotoHydrated, waitForChart } from './a11y';

// "Which criteria should the next training programme target, and for whom?"
// docs/demo-data.md: four weak criteria network-wide, 3.3 the weakest, then 4.4.2, 3.4 and 5.4.
const WEAK = ['3.3', '4.4.2', '3.4', '5.4'];
const RANKING = /^Critères classés par part de Missions Locales sous le seuil/;

async function rankedCriteria(page: Page): Promise<string[]> {
	const labels = await page
		.getByRole('figure', { name: RANKING })
		.locator('svg g.criterion-axis text')
		.allTextContents();
	return labels.map((l) => l.split(' ')[0]);
}

test('an analyst finds the weak criteria and exports the MLs to train on them', async ({ page }) => {
	test.slow(); // several views redrawn after each choice, on a busy machine
	await page.goto('/criteres');
	await waitForChart(page, RANKING);

	// 1. The ranking puts the weak criteria on top, 3.3 first, in self-assessment and in audit.
	const selfRanked = await rankedCriteria(page);
	expect(selfRanked[0]).toBe('3.3');
	expect(new Set(selfRanked.slice(0, 4))).toEqual(new Set(WEAK));
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
	await page.getByRole('form', { name: 'Filtres' }).getByLabel('Phase').selectOption('audit');
	await waitForChart(page, RANKING, /phase=audit@/);
	const auditRanked = await rankedCriteria(page);
	expect(auditRanked[0]).toBe('3.3');
	expect(new Set(auditRanked.slice(0, 4))).toEqual(new Set(WEAK));

	// 2. The builder takes them (in the URL too) and finds MLs below the threshold.
	for (const id of WEAK)
		await page.getByRole('checkbox', { name: new RegExp(`^${id.replaceAll('.', '\\.')} `) }).check();
	await expect(page).toHaveURL(/cibles=3\.3,3\.4,4\.4\.2,5\.4/);
	const results = page.getByTestId('training-results');
	await expect(results).toHaveAttribute(
		'data-ready',
		/^cibles-arml:3\.3,3\.4,4\.4\.2,5\.4:phase=audit@.*\|cibles-ml:/
	);
	const count = Number(
		(await page.getByTestId('training-count').locator('strong').textContent())!.replace(/\D/g, '')
	);
	expect(count).toBeGreaterThan(0);
	// For whom: every ARML appears in the ARML × criterion table.
	await expect(
		results.getByRole('region', { name: /par ARML et par critère/ }).locator('tbody tr')
	).toHaveCount(15);

	// 3. The list downloads as a spreadsheet-safe CSV with as many rows as the page says.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Télécharger la liste des Missions Locales (CSV)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.csv$/);
	const text = await readFile((await download.path())!, 'utf8');
	const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	const [header, ...rows] = parsed.data;
	expect(header).toEqual([
		'ml_id',
		'nom',
		'arml',
		'criteres_sous_le_seuil',
		...['3.3', '3.4', '4.4.2', '5.4'].map((c) => `score_${c}`)
	]);
	expect(rows).toHaveLength(count);
	expect(rows.every((r) => /^ML-/.test(r[0]) && r[3].length > 0)).toBe(true);
});

// The guard must hold on cells that do start with a formula sign: no demo cell does, so a file with
// them (every sign, tab and carriage return, and a formula in its header) is imported through
// « Données », and the rejected rows it exports must quote each of them.
test('an exported CSV quotes every cell and header a spreadsheet would run as a formula', async ({
	page
}) => {
	test.slow(); // DuckDB-WASM starts, then validates the file
	await gotoHydrated(page, '/donnees');
	const name = 'missions_locales-formules.csv';
	await page
		.getByLabel('Choisir des fichiers CSV ou Parquet')
		.setInputFiles(fileURLToPath(new URL(`./fixtures/hostile/${name}`, import.meta.url)));
	await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible({ timeout: 90_000 });
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: `Télécharger les lignes en erreur de ${name} (CSV)` }).click()
	]);
	const text = await readFile((await download.path())!, 'utf8');
	const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	const [header, ...rows] = parsed.data;
	expect(header[7]).toBe(`'=HYPERLINK("http://exemple.invalid")`);
	expect(rows.map((r) => r[1])).toEqual(["'=1+1", "'+33 1 23", "'-2", "'@SUM(A1)", "'\tcache", "'\rretour"]);
	// Nothing else starts with a formula sign.
	const unguarded = [header, ...rows].flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
	expect(unguarded).toEqual([]);
});
