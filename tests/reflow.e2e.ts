import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { expectNoSeriousViolations, gotoHydrated } from './a11y';
import { rendered } from './navigation';

test.describe.configure({ timeout: 240_000 });

/** Every page, with the chart whose drawing says the page is complete (null: no chart). */
const PAGES: { path: string; chart: RegExp | null }[] = [
	{ path: '/', chart: /^Maturité par critère/ },
	{ path: '/arml', chart: null },
	{ path: '/arml/bretagne', chart: /^Maturité des Missions Locales/ },
	{ path: '/ml?id=ML-29-01', chart: /^Score par critère/ },
	{ path: '/criteres', chart: /^Critères classés/ },
	{ path: '/referentiel', chart: null },
	{ path: '/donnees', chart: null },
	{ path: '/methodologie', chart: null },
	{ path: '/requetes', chart: null }
];

async function open(page: Page, path: string, chart: RegExp | null) {
	await gotoHydrated(page, path);
	if (chart)
		await expect(page.getByRole('figure', { name: chart }).first().locator('[data-ready]')).toHaveAttribute(
			'data-ready',
			/./,
			{ timeout: 90_000 }
		);
	// A chart is drawn to its box's width once that is measured (a ResizeObserver, at the next frame).
	await rendered(page);
}

/** Page-level horizontal scroll, in CSS pixels (0 when the page reflows). */
const sidewaysScroll = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// 320 px is RGAA 10.11's reflow width; 640 px is a 1280 px screen at 200 % zoom (RGAA 10.4).
for (const [width, height, what] of [
	[320, 640, '320 px wide'],
	[640, 400, 'a 1280 px screen at 200 % zoom']
] as const)
	for (const { path, chart } of PAGES)
		test(`${path} reflows on ${what} and passes axe`, async ({ page }) => {
			await page.setViewportSize({ width, height });
			await open(page, path, chart);
			expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
			await expectNoSeriousViolations(page);
		});

test('at 1280 px the national heatmap fits whole, and no label or choice is cut', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await open(page, '/', /^Maturité par critère/);
	const heatmap = page.getByRole('figure', { name: /^Maturité par critère/ });
	const box = heatmap.getByRole('region', { name: /^Graphique/ });
	const overflow = await box.evaluate((el) => el.scrollWidth - el.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	// Chapter headers whole (their full title stays in a tooltip only when they cannot fit).
	const chapters = await heatmap
		.locator('svg[role="group"] g[font-weight="bold"] text')
		.evaluateAll((texts) =>
			texts.map(
				(t) =>
					[...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') || t.firstChild?.textContent
			)
		);
	expect(chapters.length).toBe(5);
	expect(chapters.filter((t) => !t || t.includes('…'))).toEqual([]);

	// The stage chart's row labels start inside its drawing.
	const stages = page.getByRole('figure', { name: 'Missions Locales à chaque étape' });
	const clipped = await stages
		.locator('svg')
		.first()
		.evaluate((svg) => {
			const left = svg.getBoundingClientRect().left;
			return [...svg.querySelectorAll('text')]
				.filter((t) => t.getBoundingClientRect().left < left - 0.5)
				.map((t) => t.textContent);
		});
	expect(clipped).toEqual([]);

	// The Phase select shows its longest choice whole.
	const phase = page.getByLabel('Phase');
	await phase.selectOption('both');
	const fits = await phase.evaluate((select: HTMLSelectElement) => {
		const shown = select.getBoundingClientRect().width;
		select.style.width = 'max-content';
		const needed = select.getBoundingClientRect().width;
		select.style.width = '';
		return needed <= shown + 0.5;
	});
	expect(fits).toBe(true);
});

/** The pages that draw charts, with one of them (its drawing says the page's data have come). */
const CHART_PAGES = PAGES.filter((p) => p.chart);

/**
 * Every chart of the page once all are drawn: its title, the width of its widest SVG, the width of
 * its box, whether that box scrolls, and whether it has sticky row labels (the heatmap, which
 * scrolls under them by design).
 */
async function chartWidths(page: Page) {
	// Every frame has drawn (or said it has nothing to draw): none loading, each with its key.
	await expect
		.poll(() => page.locator('figure .chart:not([data-ready])').count(), { timeout: 90_000 })
		.toBe(0);
	return page.locator('figure').evaluateAll((figures) =>
		figures.flatMap((figure) => {
			const box = figure.querySelector<HTMLElement>('.chart [role="region"]');
			if (!box) return [];
			const widths = [...box.querySelectorAll('svg')].map((svg) => svg.getBoundingClientRect().width);
			return [
				{
					title: figure.querySelector('.title')?.textContent?.trim() ?? figure.id,
					svg: Math.round(Math.max(0, ...widths)),
					box: box.clientWidth,
					scrolls: box.scrollWidth > box.clientWidth + 1,
					sticky: !!box.querySelector('svg.row-labels')
				}
			];
		})
	);
}

// RGAA 10.11: on a phone, every chart is drawn to the screen's width (labels above the rows, tiles
// under the map...), so nothing hides to the right; only the heatmap scrolls, its row labels sticky.
for (const width of [375, 320])
	test(`at ${width} px every chart fits its box, and only the heatmap scrolls, under sticky labels`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 800 });
		const seen: string[] = [];
		for (const { path, chart } of CHART_PAGES) {
			await open(page, path, chart);
			expect(await sidewaysScroll(page), path).toBeLessThanOrEqual(0);
			const charts = await chartWidths(page);
			expect(charts.length, path).toBeGreaterThan(0);
			const tooWide = charts
				.filter((c) => !c.sticky && (c.svg > c.box + 1 || c.scrolls))
				.map((c) => `${path} « ${c.title} »: SVG ${c.svg} px in a ${c.box} px box`);
			expect(tooWide).toEqual([]);
			seen.push(...charts.map((c) => c.title));
		}
		// The tour saw the charts this test was written for (a renamed page would skip them silently).
		for (const title of [
			'Labels accordés dans le temps',
			'Carte de France',
			'Écart à la moyenne nationale',
			'Chiffres clés',
			'Évolution des critères',
			'Éléments du critère',
			'Auto-évaluation et audit'
		])
			expect(
				seen.some((t) => t.startsWith(title)),
				title
			).toBe(true);
	});

test('at 375 px the heatmap scrolls under its row labels, which stay in view', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await open(page, '/', /^Maturité par critère/);
	const figure = page.getByRole('figure', { name: /^Maturité par critère/ });
	const region = figure.getByRole('region', { name: /^Graphique/ });
	await expect(region).toHaveAttribute('tabindex', '0');
	await region.focus();
	for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
	await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(200);
	const labels = figure.locator('svg.row-labels');
	const [left, regionLeft] = [(await labels.boundingBox())!.x, (await region.boundingBox())!.x];
	expect(Math.abs(left - regionLeft)).toBeLessThanOrEqual(1);
	await expect(labels.getByText('ARML Bretagne')).toBeVisible();
});
