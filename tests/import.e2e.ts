import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectNoSeriousViolations, gotoHydrated } from './a11y';
import { navigate } from './navigation';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/import/${name}`, import.meta.url));
const GOOD = [fixture('missions_locales-excel.csv'), fixture('evaluations.parquet')];

const picker = (page: Page) => page.getByLabel('Choisir des fichiers CSV ou Parquet');
const fileRow = (page: Page, name: string) =>
	page.getByRole('table', { name: 'Fichiers du lot' }).getByRole('row', { name: new RegExp(`^${name}`) });
const heatmap = (page: Page) => page.getByRole('figure', { name: /^Maturité par critère/ });
const ruleCount = (page: Page, rule: string) => page.locator(`[data-rule="${rule}"] [data-count]`);
const tableCount = (page: Page, table: string) => page.locator(`td[data-table="${table}"]`);
const badge = (page: Page) => page.locator('.badge');

/** Picks files on /donnees and waits for the validator's report. */
async function check(page: Page, files: string[]) {
	await picker(page).setInputFiles(files);
	await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible();
}

/** Imports the good files as a new dataset and waits until they are kept in IndexedDB. */
async function importGoodFiles(page: Page) {
	await gotoHydrated(page, '/donnees');
	await check(page, GOOD);
	await page.getByRole('button', { name: 'Importer comme nouveau jeu de données' }).click();
	await expect(page.getByText('Vos données sont actives.')).toBeVisible();
	await expect(page.getByText('Données conservées dans ce navigateur')).toBeVisible();
}

/** Text of the next download, once the button is clicked. */
async function downloaded(
	page: Page,
	click: () => Promise<void>
): Promise<{ name: string; lines: string[] }> {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	const text = readFileSync((await download.path())!, 'utf8');
	return {
		name: download.suggestedFilename(),
		lines: text
			.replace(/^\ufeff/, '')
			.trim()
			.split(/\r?\n/)
	};
}

test('imports an Excel CSV and a Parquet file as a new dataset: every view shows them, without the demo', async ({
	page
}) => {
	await gotoHydrated(page, '/donnees');
	await check(page, GOOD);

	// Each file: its table, its rows and how it is written.
	const ml = fileRow(page, 'missions_locales-excel.csv');
	await expect(ml).toContainText('Missions Locales (missions_locales)');
	await expect(ml).toContainText('CSV, Windows-1252, séparateur point-virgule, virgule décimale');
	await expect(ml.getByRole('cell').nth(1)).toHaveText('4');
	const ev = fileRow(page, 'evaluations.parquet');
	await expect(ev).toContainText('Évaluations (evaluations)');
	await expect(ev).toContainText('Parquet');
	await expect(ev.getByRole('cell').nth(1)).toHaveText('96');
	await expect(page.getByTestId('summary')).toHaveText(
		'Bilan : 2 fichiers, 100 lignes de données : 0 erreur, 0 avertissement.'
	);

	// Nothing changed yet: the demo is still active.
	await expect(badge(page)).toHaveAttribute('data-dataset-kind', 'demo');

	await page.getByRole('button', { name: 'Importer comme nouveau jeu de données' }).click();
	await expect(page.getByText('Vos données sont actives.')).toBeVisible();
	await expect(badge(page)).toHaveAttribute('data-dataset-kind', 'imported');
	await expect(badge(page).getByText('Vos données importées')).toBeVisible();
	await expect(badge(page)).toContainText('2 fichiers');
	// The tables the batch did not hold are empty, never the demo's.
	await expect(tableCount(page, 'missions_locales')).toHaveText('4');
	await expect(tableCount(page, 'evaluations')).toHaveText('96');
	await expect(tableCount(page, 'labellisation')).toHaveText('0');
	await expect(tableCount(page, 'chiffres_cles')).toHaveText('0');

	// Every view follows without a reload: the national heatmap counts the four imported MLs.
	await navigate(page, 'Vue nationale');
	await expect(heatmap(page).locator('[data-ready]')).toHaveAttribute('data-ready', /@imported-/);
	await expect(heatmap(page)).toContainText('4 Missions Locales évaluées');
	await expect(heatmap(page)).toContainText(
		'Source : données importées dans ce navigateur (4 Missions Locales).'
	);
	// Dated by the imported data's latest date (their evaluations', 15 March 2025), not the demo's nor the clock's.
	await expect(page.getByTestId('data-date')).toContainText('Données importées au 15 mars 2025');

	// The user's own Missions Locales are real: no « fictive » mark on their profile.
	await page.goto('/ml?id=ML-IMP-01');
	await expect(page.getByRole('heading', { level: 1, name: 'Mission Locale de l’Ain' })).toBeVisible({
		timeout: 90_000
	});
	await expect(page.getByRole('heading', { level: 2, name: 'Parcours de labellisation' })).toBeVisible();
	await expect(page.getByTestId('ml-fictional')).toHaveCount(0);
	await expect(page.getByRole('main').getByText(/fictif|fictive/)).toHaveCount(0);
});

/** Whether the cube kept in IndexedDB is the imported dataset's (the import computes it, then keeps it). */
async function cubeKept(page: Page): Promise<boolean> {
	return page.evaluate(
		() =>
			new Promise<boolean>((resolve) => {
				const open = indexedDB.open('observatoire-cube', 1);
				open.onupgradeneeded = () => open.result.createObjectStore('cube');
				open.onsuccess = () => {
					const get = open.result.transaction('cube').objectStore('cube').get('current');
					get.onsuccess = () => {
						open.result.close();
						resolve(get.result?.manifest === localStorage.getItem('observatoire:dataset:manifest'));
					};
				};
				open.onerror = () => resolve(false);
			})
	);
}

test('keeps the imported dataset across a reload, and never shows the demo’s prerendered charts meanwhile', async ({
	page
}) => {
	await importGoodFiles(page);
	expect(await page.evaluate(() => localStorage.getItem('observatoire:dataset'))).toBe('imported');
	await expect.poll(() => cubeKept(page), { timeout: 60_000 }).toBe(true);
	// Read back from the kept cube: DuckDB-WASM never loads for the views.
	const engine: string[] = [];
	page.on('request', (r) => {
		if (/duckdb|parquet_wasm/.test(r.url())) engine.push(r.url());
	});

	// From the first frame on: is a chart drawn for the demo visible? And the marker before hydration?
	await page.addInitScript(() => {
		const w = window as unknown as { demoSeen: string[]; zeroSeen: string[]; beforeHydration: string };
		w.demoSeen = [];
		w.zeroSeen = [];
		const look = () => {
			for (const el of document.querySelectorAll('[data-ready*="@demo"]'))
				if (el.checkVisibility({ visibilityProperty: true })) w.demoSeen.push(el.getAttribute('data-ready')!);
			// A count drawn before the data is there reads as a figure: « … · 0 Mission Locale évaluée ».
			const zero = document.querySelector('main')?.innerText.match(/· 0 Missions? Locales?[^·]*/);
			if (zero) w.zeroSeen.push(zero[0]);
			requestAnimationFrame(look);
		};
		requestAnimationFrame(look);
		document.addEventListener('DOMContentLoaded', () => {
			const html = document.documentElement;
			w.beforeHydration = `${html.dataset.dataset}/${html.dataset.hydrated ?? 'not-hydrated'}`;
			look();
		});
	});
	await page.goto('/');
	await expect(heatmap(page).locator('[data-ready]')).toHaveAttribute('data-ready', /@imported-/);
	await expect(heatmap(page)).toContainText('4 Missions Locales évaluées');
	await expect(badge(page).getByText('Vos données importées')).toBeVisible();
	const seen = await page.evaluate(() => {
		const { demoSeen, zeroSeen } = window as unknown as { demoSeen: string[]; zeroSeen: string[] };
		return { demoSeen, zeroSeen };
	});
	expect(seen.demoSeen).toEqual([]);
	expect(seen.zeroSeen).toEqual([]);
	expect(await page.evaluate(() => (window as unknown as { beforeHydration: string }).beforeHydration)).toBe(
		'imported/not-hydrated'
	);
	await page.waitForLoadState('networkidle');
	expect(engine).toEqual([]);
	await expect(page.getByText('Moteur de calcul en veille')).toBeVisible();

	await gotoHydrated(page, '/donnees');
	await expect(tableCount(page, 'evaluations')).toHaveText('96');
	await expect(page.getByText('missions_locales-excel.csv — Missions Locales, 4 lignes')).toBeVisible();
});

test('reports errors by rule, refuses files it cannot read, and hands back every row it leaves out', async ({
	page
}) => {
	await gotoHydrated(page, '/donnees');
	await check(page, [
		fixture('missions_locales-excel.csv'),
		fixture('evaluations-erreurs.csv'),
		fixture('inconnu.csv')
	]);
	await expect(ruleCount(page, 'hors-domaine')).toHaveText('2');
	await expect(ruleCount(page, 'id-inconnu')).toHaveText('1');
	await expect(ruleCount(page, 'type-invalide')).toHaveText('1');
	await expect(ruleCount(page, 'table-inconnue')).toHaveText('1');
	await expect(fileRow(page, 'inconnu.csv')).toContainText('Ne peut pas être importé');

	// Each case, with its file, line, column and message.
	await page.locator('[data-rule="hors-domaine"] summary').click();
	const cases = page.getByRole('table', { name: 'Cas de la règle hors-domaine' });
	await expect(cases.getByRole('row').nth(1)).toHaveText(
		/evaluations-erreurs\.csv\s*4\s*niveau\s*La valeur «\s7\s» de la colonne «\sniveau\s» doit être un entier de 1 à 4\./
	);

	// All or nothing is refused while the batch has errors.
	const exclude = page.getByLabel(/Écarter les lignes en erreur \(4 lignes\)/);
	const importButton = page.getByRole('button', { name: 'Importer comme nouveau jeu de données' });
	await exclude.uncheck();
	await expect(importButton).toBeDisabled();
	await exclude.check();
	await expect(importButton).toBeEnabled();
	// What the button will do is said next to it.
	await expect(page.getByText(/^À importer\s: /)).toHaveText(
		/^À importer\s: \d+ lignes de 2 fichiers, 4 lignes en erreur écartées, 1 fichier refusé \(«\sinconnu\.csv\s»\)\.$/
	);

	// The rows with errors, as written, with their motif — before importing…
	const before = await downloaded(page, () =>
		page.getByRole('button', { name: /Télécharger les lignes en erreur d’evaluations-erreurs\.csv/ }).click()
	);
	expect(before.name).toBe('evaluations-erreurs-lignes-rejetees.csv');
	expect(before.lines).toHaveLength(5);
	expect(before.lines[0]).toBe('ml_id;campagne;phase;critere_id;element_id;niveau;date;ligne;motif');
	expect(before.lines[1]).toContain('hors-domaine: La valeur «\u202f7\u202f»');

	// …and after. A refused file is never imported by default: the user confirms, knowing it.
	await importButton.click();
	await expect(page.getByRole('group', { name: /Cette importation fera perdre des données/ })).toContainText(
		'« inconnu.csv » refusé : il ne sera pas importé'
	);
	await expect(page.getByRole('button', { name: 'Ne pas importer' })).toBeFocused();
	await page.getByRole('button', { name: 'Importer malgré tout' }).click();
	await expect(page.getByText('4 lignes de « evaluations-erreurs.csv » ont été écartées')).toBeVisible();
	const after = await downloaded(page, () =>
		page.getByRole('button', { name: /Télécharger les lignes rejetées d’evaluations-erreurs\.csv/ }).click()
	);
	expect(after.lines).toEqual(before.lines);
	await expect(tableCount(page, 'evaluations')).toHaveText('2');
	await expect(tableCount(page, 'missions_locales')).toHaveText('4');
});

test('adds files to the imported dataset: a row with the same key replaces the earlier one', async ({
	page
}) => {
	await importGoodFiles(page);
	await page.getByLabel(/ajouter au jeu importé/i).check();
	await check(page, [fixture('evaluations-correctif.csv')]);
	await expect(fileRow(page, 'données déjà importées · evaluations')).toContainText(
		'1 ligne remplacée par des lignes de même clé du lot'
	);
	await page.getByRole('button', { name: 'Ajouter au jeu importé' }).click();
	await expect(page.getByText('Vos données sont actives.')).toBeVisible();
	await expect(tableCount(page, 'evaluations')).toHaveText('97');
	await expect(badge(page)).toContainText('3 fichiers');
	// Kept as merged: a merge once failed to be stored (a reactive proxy in the manifest), and the
	// next visit came back to the demo.
	await expect(page.getByText('Données conservées dans ce navigateur')).toBeVisible();
	await gotoHydrated(page, '/donnees');
	await expect(tableCount(page, 'evaluations')).toHaveText('97');
	await expect(badge(page)).toContainText('3 fichiers');
});

test('goes back to the demo only once confirmed, and forgets the imported dataset', async ({ page }) => {
	await importGoodFiles(page);
	await page.getByRole('button', { name: 'Revenir aux données de démonstration' }).click();
	await page.getByRole('button', { name: 'Garder mes données' }).click();
	await expect(badge(page)).toHaveAttribute('data-dataset-kind', 'imported');

	await page.getByRole('button', { name: 'Revenir aux données de démonstration' }).click();
	// The safe choice has the focus: Enter again keeps the data.
	await expect(page.getByRole('button', { name: 'Garder mes données' })).toBeFocused();
	await page.getByRole('button', { name: 'Effacer mes données et revenir à la démonstration' }).click();
	await expect(page.getByText('Les données de démonstration sont rétablies')).toBeVisible();
	await expect(badge(page)).toHaveAttribute('data-dataset-kind', 'demo');
	expect(await page.evaluate(() => localStorage.getItem('observatoire:dataset'))).toBeNull();
	await expect(tableCount(page, 'missions_locales')).toHaveText('437');

	await page.goto('/');
	await expect(heatmap(page).locator('[data-ready]')).toHaveAttribute('data-ready', /@demo-/);
	await expect(badge(page)).toHaveAttribute('data-dataset-kind', 'demo');
	await expect(heatmap(page)).toContainText('437 Missions Locales évaluées');
});

test('takes files dropped or picked on any page to the « Données » page', async ({ page }) => {
	await gotoHydrated(page, '/referentiel');
	await page.getByLabel('Importer des fichiers CSV ou Parquet').setInputFiles(GOOD);
	await expect(page).toHaveURL(/\/donnees$/);
	await expect(page.getByTestId('summary')).toHaveText(/^Bilan\s: 2 fichiers, 100 lignes/);

	// Dropped anywhere on a page.
	await gotoHydrated(page, '/methodologie');
	const text = readFileSync(fixture('evaluations-erreurs.csv'), 'utf8');
	const dataTransfer = await page.evaluateHandle((content) => {
		const transfer = new DataTransfer();
		transfer.items.add(new File([content], 'evaluations-erreurs.csv', { type: 'text/csv' }));
		return transfer;
	}, text);
	await page.dispatchEvent('main', 'dragenter', { dataTransfer });
	await expect(page.getByText('Déposez vos fichiers CSV ou Parquet')).toBeVisible();
	await page.dispatchEvent('main', 'drop', { dataTransfer });
	await expect(page).toHaveURL(/\/donnees$/);
	await expect(page.getByTestId('summary')).toHaveText(/^Bilan\s: 1 fichier, 6 lignes/);
});

test('the « Données » page passes axe, with and without a report', async ({ page }) => {
	await gotoHydrated(page, '/donnees');
	await expect(page.locator('#contrat')).toHaveText('Contrat de données');
	await expect(page.getByRole('table', { name: 'Colonnes de la table evaluations' })).toContainText('1 à 4');
	await expectNoSeriousViolations(page);
	await check(page, [fixture('missions_locales-excel.csv'), fixture('evaluations-erreurs.csv')]);
	await page.locator('[data-rule="hors-domaine"] summary').click();
	await expectNoSeriousViolations(page);
});

test('a report with more rejected rows than its file holds says so next to the link and in the file', async ({
	page
}) => {
	test.slow();
	// 100 005 rows, each out of range (and each a duplicate of the first): all are rejected.
	const rows = 100_005;
	const text =
		'ml_id,campagne,phase,critere_id,element_id,niveau,date\n' +
		'ML-IMP-01,2025,audit,1.1,,9,2025-03-01\n'.repeat(rows);
	await gotoHydrated(page, '/donnees');
	await picker(page).setInputFiles({
		name: 'evaluations-100k.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(text)
	});
	await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible({ timeout: 120_000 });
	const notice =
		/Ce fichier ne contient que les 100\u00a0000 premières lignes en erreur sur 100\u00a0005 \(limite du fichier des lignes rejetées\)\. Pour les 5 autres, .*npm run validate -- <fichier> --max 100005/;
	const row = fileRow(page, 'evaluations-100k.csv');
	await expect(row).toContainText('100\u00a0005 lignes en erreur');
	await expect(row.getByTestId('rejected-capped')).toHaveText(notice);
	const before = await downloaded(page, () =>
		row.getByRole('button', { name: /Télécharger les lignes en erreur d’evaluations-100k\.csv/ }).click()
	);
	// The header, the first 100 000 rows, then the notice.
	expect(before.lines).toHaveLength(100_002);
	expect(before.lines[100_000]).toMatch(/;100001;doublon: .*hors-domaine: /);
	expect(before.lines[100_001]).toMatch(notice);
});
