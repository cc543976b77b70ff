import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { expectNoSeriousViolations, waitForChart } from './a11y';
import { rendered } from './navigation';

const RANKING = /^Critères classés par part de Missions Locales sous le seuil/;
const CHANGE = /^Évolution des critères/;
const ELEMENTS = /^Éléments du critère/;
const GAPS = /^Auto-évaluation et audit/;

const figure = (page: Page, name: RegExp) => page.getByRole('figure', { name });
// Buttons answer once the prerendered page has hydrated.
const hydrated = (page: Page) => expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');

test('draws every chart of the explorer on the demo data', async ({ page }) => {
	test.slow(); // every view of the page, on a busy machine
	await page.goto('/criteres');
	await waitForChart(page, RANKING, /^classement:defaut@demo-0$/);
	await waitForChart(page, CHANGE, /^evolution:2024-2025:defaut@demo-0$/);
	await waitForChart(page, ELEMENTS, /^critere-elements:3\.3:/);
	await waitForChart(page, GAPS, /^auto-audit:defaut@demo-0$/);

	await expect(figure(page, RANKING).locator('svg g.share-below text')).toHaveCount(24);
	await expect(figure(page, RANKING).getByText(/437 Missions Locales évaluées/)).toBeVisible();
	await expect(figure(page, CHANGE).locator('svg g.delta text')).toHaveCount(24);
	await expect(figure(page, GAPS).locator('svg g.gap text')).toHaveCount(24);
	await expect(page.getByTestId('criterion-lists')).toHaveAttribute('data-ready', /critere-arml:3\.3/);
	await expect(page.getByRole('heading', { name: /^Missions Locales sous le seuil \(\d+\)/ })).toBeVisible();

	// Once hydrated, the ML lists link to each ML's page.
	await hydrated(page);
	const firstMl = page
		.getByRole('region', { name: /^Missions Locales sous le seuil/ })
		.getByRole('link')
		.first();
	await expect(firstMl).toHaveAttribute('href', /\/ml\?id=ML-/);
});

test('changing a filter changes the URL and the data-ready key', async ({ page }) => {
	test.slow(); // every view of the page, on a busy machine
	await page.goto('/criteres');
	await hydrated(page);
	const filters = page.getByRole('form', { name: 'Filtres' });

	await filters.getByLabel('Phase').selectOption('audit');
	await expect(page).toHaveURL(/[?&]phase=audit/);
	await waitForChart(page, RANKING, /^classement:phase=audit@/);
	await waitForChart(page, CHANGE, /phase=audit@/);
	await expect(figure(page, RANKING).getByText(/· Audit ·/)).toBeVisible();

	await filters.getByLabel('ARML', { exact: true }).selectOption('bretagne');
	await expect(page).toHaveURL(/arml=bretagne/);
	await waitForChart(page, RANKING, /^classement:phase=audit&arml=bretagne@/);
	await expect(figure(page, RANKING).getByText(/ARML Bretagne/)).toBeVisible();

	await filters.getByLabel('Campagne').selectOption('2024');
	await expect(page).toHaveURL(/campagne=2024/);
	await waitForChart(page, GAPS, /^auto-audit:campagne=2024&arml=bretagne@/);

	// Back restores the previous view.
	await page.goBack();
	await waitForChart(page, RANKING, /^classement:phase=audit&arml=bretagne@/);
	await expect(page).not.toHaveURL(/campagne=2024/);
});

test('picking a criterion shows its weakest elements, its ARML and its MLs below the threshold', async ({
	page
}) => {
	test.slow(); // every view of the page, on a busy machine
	await page.goto('/criteres');
	await hydrated(page);
	await expect(page.getByTestId('weakest-element')).toContainText('3.3.b');

	await page.getByLabel('Critère', { exact: true }).selectOption('4.4.2');
	await expect(page).toHaveURL(/critere=4\.4\.2/);
	await waitForChart(page, /^Éléments du critère 4\.4\.2/, /^critere-elements:4\.4\.2:/);
	await expect(page.getByTestId('weakest-element')).toContainText('4.4.2.b');
	await expect(figure(page, /^Éléments du critère 4\.4\.2/).locator('svg g.element-mean text')).toHaveCount(
		3
	);
	await expect(page.getByTestId('criterion-lists')).toHaveAttribute(
		'data-ready',
		/critere-arml:4\.4\.2.*critere-ml:4\.4\.2/
	);
	await expect(page.getByRole('heading', { name: 'Par ARML (15)' })).toBeVisible();
	// Corse has 2 Missions Locales: its share and mean are masked, as in the heatmap.
	const corse = page
		.getByTestId('criterion-lists')
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'ARML Corse' }) });
	await expect(corse.getByRole('cell').nth(1)).toHaveText('n<3');
	await expect(corse.getByRole('cell').nth(2)).toHaveText('n<3');
	await expect(corse.getByRole('cell').nth(3)).toHaveText('n<3');
	// Its place among the ranked ARML would give its share away: it comes after them.
	await expect(
		page.getByTestId('criterion-lists').getByRole('table').first().getByRole('rowheader').last()
	).toHaveText('ARML Corse');

	// The ranking does not depend on the criterion shown.
	await expect(figure(page, RANKING).locator('[data-ready]')).toHaveAttribute(
		'data-ready',
		/^classement:defaut@/
	);
});

test('the table alternative of the ranking gives the chart’s numbers, in the same order', async ({
	page
}) => {
	await page.goto('/criteres');
	const ranking = figure(page, RANKING);
	await waitForChart(page, RANKING);
	await hydrated(page);
	const chartShares = await ranking.locator('svg g.share-below text').allTextContents();
	const chartLabels = await ranking.locator('svg g.criterion-axis text').allTextContents();

	await ranking.getByRole('button', { name: 'Voir le tableau' }).click();
	const table = ranking.getByRole('table');
	await expect(table).toBeVisible();
	expect(await table.locator('td.share-below').allTextContents()).toEqual(chartShares);
	expect(await table.locator('tbody th[scope="row"]').allTextContents()).toEqual(chartLabels);
	expect(chartShares).toHaveLength(24);
	expect(chartLabels[0]).toMatch(/^3\.3 /);
});

test('has no serious accessibility violation, and fits a 375 px screen', async ({ page }) => {
	test.slow(); // axe walks every node of the page
	// One ARML keeps the lists short; the page has the same structure as with the whole network.
	await page.goto('/criteres?arml=bretagne&cibles=3.3,4.4.2');
	await hydrated(page);
	await waitForChart(page, RANKING, /arml=bretagne@/);
	await expect(page.getByTestId('training-results')).toHaveAttribute(
		'data-ready',
		/cibles-ml:3\.3,4\.4\.2:arml=bretagne@/
	);
	await figure(page, RANKING).getByRole('button', { name: 'Voir le tableau' }).click();
	await expectNoSeriousViolations(page);

	await page.setViewportSize({ width: 375, height: 800 });
	// The charts are drawn again to the new width once it is measured (a frame later): check that page.
	await rendered(page);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('an ARML of two Missions Locales gets no share, mean or element figure, and the plans follow its filter', async ({
	page
}) => {
	await page.goto('/criteres?arml=corse&critere=3.3');
	await hydrated(page);
	await expect(page.getByTestId('criterion-summary')).toContainText('la part sous le seuil est masquée');
	await expect(page.getByTestId('criterion-summary')).not.toContainText('%');
	await expect(page.getByText(/Moyennes masquées\u202f: moins de 3 Missions Locales notées/)).toBeVisible();
	const plans = page.getByRole('region', { name: 'Plans d’amélioration : où agit-on ?' });
	await expect(plans).toHaveAttribute('data-ready', /criteria-plans:[^|]*:corse:/);
	await expect(plans.getByTestId('criteria-plans-scope')).toContainText('ARML Corse');
	// Two Missions Locales at most on any criterion: every share is masked.
	const shares = plans.getByTestId('criteria-plans-table').locator('tbody tr td:first-of-type');
	await expect(shares).toHaveCount(24);
	expect(new Set(await shares.allInnerTexts())).toEqual(new Set(['n<3']));
});
