import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { gotoHydrated, waitForChart } from './a11y';

const FIGURE = /^Maturité par critère/;

test.describe.configure({ timeout: 180_000 });

const heatmap = (page: Page) => page.getByRole('figure', { name: FIGURE });
const focused = (page: Page) => page.locator(':focus');

/** Tabs from the heatmap's sort menu until a cell has focus (the frame's buttons come first). */
async function tabIntoCells(page: Page) {
	await heatmap(page).getByLabel('Trier les lignes').focus();
	for (let i = 0; i < 12; i++) {
		await page.keyboard.press('Tab');
		if (await focused(page).evaluate((el) => el.matches('rect[role="button"]'))) return;
	}
	throw new Error('no heatmap cell reached with Tab');
}

test('the heatmap is named by its heading; each cell is read once, by its name', async ({ page }) => {
	await gotoHydrated(page, '/');
	await waitForChart(page, FIGURE, /^heatmap:defaut@/);
	const svg = heatmap(page).getByRole('group', { name: 'Maturité par critère' });
	await expect(svg).toHaveCount(1);
	// No tooltip title repeats a cell's name, and the axes (the same names again) are hidden.
	await expect(svg.locator('rect title')).toHaveCount(0);
	const hiddenAxes = svg.locator('g[aria-hidden="true"]');
	expect(await hiddenAxes.count()).toBeGreaterThanOrEqual(2);
	await expect(svg.getByRole('button')).toHaveCount(15 * 24);
});

test('the first Tab into the heatmap lands on its top-left cell, and Enter drills down with focus kept', async ({
	page
}) => {
	await gotoHydrated(page, '/');
	await waitForChart(page, FIGURE, /^heatmap:defaut@/);

	await tabIntoCells(page);
	await expect(focused(page)).toHaveAttribute('data-r', '0');
	await expect(focused(page)).toHaveAttribute('data-c', '0');
	const firstRow = await heatmap(page).locator('rect[data-r="0"]').first().getAttribute('data-row');

	await page.keyboard.press('ArrowRight');
	await expect(focused(page)).toHaveAttribute('data-c', '1');
	await page.keyboard.press('Enter');

	// The ARML's Missions Locales: focus is on the new view's first cell, and a status says so.
	await expect(page).toHaveURL(new RegExp(`arml=${firstRow}`));
	await waitForChart(page, FIGURE, /lignes=ml@/);
	await expect(focused(page)).toHaveAttribute('role', 'button');
	await expect(focused(page)).toHaveAttribute('data-r', '0');
	await expect(focused(page)).toHaveAttribute('aria-label', /^Mission Locale/);
	await expect(page.getByRole('status').filter({ hasText: 'Graphique mis à jour' })).toContainText(
		/Maturité par critère.*\d+ lignes, 24 colonnes/
	);
	// Focus stays in the chart: arrows keep moving through the new view.
	await page.keyboard.press('ArrowDown');
	await expect(focused(page)).toHaveAttribute('data-r', '1');
});

test('« Copier le lien » copies the filters and the section, and the link reopens on that section', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await gotoHydrated(page, '/?phase=audit');
	await waitForChart(page, FIGURE, /^heatmap:phase=audit@/);
	await heatmap(page)
		.getByRole('button', { name: /^Copier le lien vers «\sMaturité par critère/ })
		.click();
	await expect(heatmap(page).getByRole('status')).toHaveText('Lien copié dans le presse-papiers.');
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toMatch(/\?phase=audit#carte-maturite-audit$/);

	const other = await context.newPage();
	await other.goto(link);
	await waitForChart(other, FIGURE, /^heatmap:phase=audit@/);
	await expect(other.getByRole('heading', { level: 2, name: 'Maturité par critère' })).toBeInViewport();
	expect(await other.evaluate(() => window.scrollY)).toBeGreaterThan(500);
});

test('an exported SVG carries title, filters, legend and source with the data’s date, with the chart whole', async ({
	page
}) => {
	await gotoHydrated(page, '/?phase=audit');
	await waitForChart(page, FIGURE, /^heatmap:phase=audit@/);
	// The data's own date (the cube's, the latest of the data), as the footer states it.
	const footer = await page.getByTestId('data-date').textContent();
	const dataDate = footer!.match(/ au (\d{1,2}(?:er)? \S+ \d{4})/)![1];
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		heatmap(page).getByRole('button', { name: 'SVG', exact: true }).click()
	]);
	expect(download.suggestedFilename()).toBe('carte-maturite-audit.svg');
	const svg = await readFile((await download.path())!, 'utf8');
	expect(svg).toContain('>Maturité par critère</text>');
	expect(svg).toMatch(/>Campagne|>Dernière évaluation/);
	expect(svg).toContain('Audit');
	expect(svg).toMatch(/>Niveau moyen de maturité/);
	expect(svg).toMatch(/>Source\s: données de démonstration/);
	// The source line wraps: its words are read across its lines.
	const text = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
	expect(text).toContain(`Données à jour au ${dataDate}.`);
	expect(text).toMatch(/Exporté le \d{1,2}(?:er)? \S+ \d{4}\./);
	expect(svg).not.toContain('var(--');
	expect(svg).not.toContain('currentColor');
	// The chart is nested whole: its view box covers the labels drawn past its edges.
	const width = Number(svg.match(/^<svg[^>]* width="(\d+)"/)![1]);
	// The heatmap's element, whatever the order of its attributes.
	const nested = svg.match(
		/<svg(?=[^>]*role="group")[^>]* viewBox="(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)"/
	);
	expect(nested).not.toBeNull();
	expect(Number(nested![3])).toBeLessThanOrEqual(width);

	const [png] = await Promise.all([
		page.waitForEvent('download'),
		heatmap(page).getByRole('button', { name: 'PNG', exact: true }).click()
	]);
	const bytes = await readFile((await png.path())!);
	// PNG header: width and height at twice the SVG's size.
	expect(bytes.readUInt32BE(16)).toBe(width * 2);
});
