import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, gotoHydrated } from './a11y';

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

test('at 375 px the bar and dot charts fit the screen, their labels above the rows', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	for (const [path, chart] of [
		['/', 'Missions Locales à chaque étape'],
		['/criteres', /^Critères classés/],
		['/ml?id=ML-29-01', /^Score par critère/]
	] as const) {
		await open(page, path, typeof chart === 'string' ? new RegExp(`^${chart}`) : chart);
		const figure = page.getByRole('figure', { name: chart }).first();
		const region = figure.getByRole('region', { name: /^Graphique/ });
		// Drawn to the screen's width: nothing to scroll, so the box takes no tab stop either.
		await expect(region).not.toHaveAttribute('tabindex');
		expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth), path).toBeLessThanOrEqual(0);
		const svg = figure.locator('svg[role="img"]');
		expect((await svg.boundingBox())!.width, path).toBeLessThanOrEqual(375);
	}
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
