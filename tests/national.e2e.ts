import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { expectNoSeriousViolations, gotoHydrated, waitForChart } from './a11y';

const FIGURE = /^Maturité par critère/;
const cells = (page: Page) =>
	page.getByRole('figure', { name: FIGURE }).getByRole('button', { name: /\(n = \d+\)|masqué/ });

/** Reads the heatmap's cells as the screen reader announces them: "row, column … : … value (n = …)". */
async function chartValues(page: Page): Promise<Map<string, string>> {
	const names = await cells(page).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
	const values = new Map<string, string>();
	for (const name of names) {
		const masked = name.match(/^(.*?), (\S+) .*\s: masqué, seulement (\d+)/);
		const shown = name.match(/^(.*?), (\S+) .*\s: [^:]* (\S+) \(n = \d+\)$/);
		if (masked) values.set(`${masked[1]}|${masked[2]}`, `masqué (n = ${masked[3]})`);
		else if (shown) values.set(`${shown[1]}|${shown[2]}`, shown[3]);
	}
	return values;
}

/** Reads the table alternative: row header × column id → text. */
async function tableValues(page: Page): Promise<Map<string, string>> {
	const table = page.getByRole('figure', { name: FIGURE }).getByRole('table');
	await expect(table).toBeVisible();
	const headers = await table.getByRole('columnheader').allTextContents();
	const columnIds = headers.slice(2).map((h) => h.trim().split(' ')[0]);
	const values = new Map<string, string>();
	for (const row of await table.getByRole('row').all()) {
		const [header] = await row.getByRole('rowheader').allTextContents();
		if (!header) continue;
		const texts = await row.getByRole('cell').allTextContents();
		texts.slice(1).forEach((text, i) => {
			if (text !== '–') values.set(`${header.trim()}|${columnIds[i]}`, text.trim());
		});
	}
	return values;
}

test.describe('national view', () => {
	test('draws one cell per ARML and criterion on the demo data, and its table says the same', async ({
		page
	}) => {
		await gotoHydrated(page, '/');
		await waitForChart(page, FIGURE, /^heatmap:defaut@/);
		await expect(cells(page)).toHaveCount(15 * 24);
		await page.getByRole('figure', { name: FIGURE }).getByRole('button', { name: 'Voir le tableau' }).click();
		const chart = await chartValues(page);
		expect(chart.size).toBe(15 * 24);
		expect(await tableValues(page)).toEqual(chart);
		// Corse has two MLs: its cells are masked, and say why.
		expect(chart.get('ARML Corse|1.1')).toBe('masqué (n = 2)');
	});

	test('a filter changes the URL and the cells; drill-down and back work', async ({ page }) => {
		await page.goto('/');
		await waitForChart(page, FIGURE, /^heatmap:defaut@/);
		await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');

		await page.getByLabel('Phase').selectOption('audit');
		await expect(page).toHaveURL(/phase=audit/);
		await waitForChart(page, FIGURE, /^heatmap:phase=audit@/);

		// Drill down: an ARML row opens its Missions Locales (Bretagne has 22).
		await page.getByRole('button', { name: /^ARML Bretagne, 1\.1 / }).click();
		await expect(page).toHaveURL(/arml=bretagne/);
		await expect(page).toHaveURL(/lignes=ml/);
		await waitForChart(page, FIGURE, /arml=bretagne.*lignes=ml@/);
		const rows = await chartValues(page);
		expect(new Set([...rows.keys()].map((k) => k.split('|')[0])).size).toBe(22);
		expect([...rows.values()].some((v) => v.startsWith('masqué'))).toBe(false);

		// A criterion column opens its elements.
		await page
			.getByRole('button', { name: /^Mission Locale de .*, 3\.3 / })
			.first()
			.click();
		await expect(page).toHaveURL(/critere=3\.3/);
		await waitForChart(page, /^Maturité par élément/, /critere=3\.3/);

		await page.goBack();
		await waitForChart(page, FIGURE, /arml=bretagne.*lignes=ml@/);
		await page.goBack();
		await waitForChart(page, FIGURE, /^heatmap:phase=audit@/);
		await expect(page.getByLabel('Phase')).toHaveValue('audit');
	});

	test('unknown filter values fall back to defaults with a visible notice', async ({ page }) => {
		await page.goto('/?campagne=1999&arml=atlantide');
		await expect(page.getByText('Le filtre « campagne » ne connaît pas la valeur « 1999 »')).toBeVisible({
			timeout: 45_000
		});
		await expect(page.getByText('Le filtre « arml » ne connaît pas la valeur « atlantide »')).toBeVisible();
		await waitForChart(page, FIGURE, /^heatmap:defaut@/);
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		test(`has no serious accessibility violation in the ${colorScheme} theme`, async ({ page }) => {
			await page.emulateMedia({ colorScheme });
			await page.goto('/');
			await waitForChart(page, FIGURE);
			await expectNoSeriousViolations(page);
		});
	}

	test('stays usable 375 px wide: the heatmap scrolls inside its frame', async ({ page }) => {
		await page.setViewportSize({ width: 375, height: 800 });
		await page.goto('/');
		await waitForChart(page, FIGURE);
		const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(pageWidth).toBeLessThanOrEqual(375);
		await expect(page.getByLabel('Phase')).toBeVisible();
	});
});
