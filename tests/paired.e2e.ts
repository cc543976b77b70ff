import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { readFile } from 'node:fs/promises';
import { gotoHydrated, waitForChart } from './a11y';

const ARML_TITLE = 'Auto-évaluation et audit, Mission Locale par Mission Locale';
const ML_TITLE = 'Auto-évaluation et audit, critère par critère';
const figure = (page: Page, name: string) => page.getByRole('figure', { name });
const number = (text: string) => Number(text.replace(/\s/g, '').replace('−', '-').replace(',', '.'));

/** The table's gaps (4th column) in order, after opening it. */
async function gaps(page: Page, name: string) {
	await figure(page, name).getByRole('button', { name: 'Voir le tableau' }).click();
	const table = figure(page, name).getByTestId('paired-table');
	await expect(table.locator('tbody tr').first()).toBeVisible();
	return (await table.locator('tbody tr td:nth-of-type(3)').allInnerTexts()).map(number);
}

test('an ARML’s MLs are paired, self-assessment against audit, sorted by gap, with the ARML and national means', async ({
	page
}) => {
	await gotoHydrated(page, '/arml/bretagne');
	const chart = await waitForChart(page, ARML_TITLE, /^arml-paired:bretagne:/);
	// The ARML's and the nation's means come first, then one dumbbell per ML.
	const axis = await chart.locator('svg g.paired-axis text').allTextContents();
	expect(axis.slice(0, 2)).toEqual(['▸ Moyenne de l’ARML', '▸ Moyenne nationale']);
	expect(axis.length).toBeGreaterThan(5);

	const values = await gaps(page, ARML_TITLE);
	expect(values.length).toBe(axis.length - 2);
	expect(values).toEqual([...values].sort((a, b) => b - a));
	// Each row's gap is its self-assessment minus its audit (two decimals).
	const first = figure(page, ARML_TITLE).getByTestId('paired-table').locator('tbody tr').first();
	const [self, audit, gap] = (await first.locator('td').allInnerTexts()).map(number);
	expect(Math.abs(self - audit - gap)).toBeLessThanOrEqual(0.011);
	const foot = figure(page, ARML_TITLE).getByTestId('paired-table').locator('tfoot th');
	await expect(foot).toHaveText([
		/^Moyenne de l’ARML \(\d+ Missions Locales\)$/,
		/^Moyenne nationale \(\d+ Missions Locales\)$/
	]);
	await expect(figure(page, ARML_TITLE).getByTestId('paired-summary')).toContainText('Plus grand écart');

	// Exportable: the table as CSV, the chart as SVG.
	const csv = page.waitForEvent('download');
	await figure(page, ARML_TITLE).getByRole('button', { name: 'Télécharger le tableau (CSV)' }).click();
	const file = await readFile((await (await csv).path())!, 'utf8');
	expect(file).toMatch(/ligne.+type.+auto_evaluation.+audit.+ecart/);
	expect(file).toContain('Moyenne nationale');
	const svg = page.waitForEvent('download');
	await figure(page, ARML_TITLE).getByRole('button', { name: 'SVG' }).click();
	expect((await svg).suggestedFilename()).toBe('auto-evaluation-audit-bretagne.svg');
});

test('one ML’s criteria are paired, sorted by gap, with the ARML’s and the national mean gap of each', async ({
	page
}) => {
	await gotoHydrated(page, '/arml/bretagne');
	await waitForChart(page, ARML_TITLE, /^arml-paired:/);
	await figure(page, ARML_TITLE).getByRole('button', { name: 'Voir le tableau' }).click();
	const link = figure(page, ARML_TITLE).getByTestId('paired-table').locator('tbody tr a').first();
	const name = (await link.innerText()).trim();
	await link.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

	await waitForChart(page, ML_TITLE, /^ml-paired:/);
	const values = await gaps(page, ML_TITLE);
	expect(values.length).toBeGreaterThan(1);
	expect(values).toEqual([...values].sort((a, b) => b - a));
	const head = figure(page, ML_TITLE).getByTestId('paired-table').locator('thead th');
	await expect(head).toHaveText([
		'Critère',
		'Auto-évaluation',
		'Audit',
		'Écart',
		'Écart moyen de l’ARML',
		'Écart moyen national'
	]);
	const axis = await figure(page, ML_TITLE).locator('svg g.paired-axis text').allTextContents();
	expect(axis.slice(0, 2)).toEqual(['▸ Moyenne de l’ARML', '▸ Moyenne nationale']);
});
