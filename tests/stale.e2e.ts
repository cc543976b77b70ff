import type { Page } from '@playwright/test';
import { CPU_SLOWDOWN, expect, test } from './fixture';
import { filtersKeyOf, frames, longestStale, sampleFrames } from './frames';

// Must have 1 of issue 12: a view never shows a value computed for another state than the one its
// labels (and the URL) name for more than 250 ms; in between it says « Calcul en cours… ».
// A CPU slowed down on purpose (E2E_CPU_THROTTLE) makes every frame as much longer.
const LIMIT_MS = 250 * CPU_SLOWDOWN;

/** Home: the heatmap's key carries the URL's filters; the key figures carry the year (`annee`). */
function homeWrong(key: string, url: URL): boolean {
	const heatmap = /^heatmap:([^@]*)@/.exec(key);
	if (heatmap) return heatmap[1] !== filtersKeyOf(url);
	const figures = /^key-figures:([^@]*)@/.exec(key);
	if (figures) return figures[1] !== (url.searchParams.get('annee') ?? 'latest');
	return false;
}

const heatmapReady = (page: Page) => page.locator('[data-ready^="heatmap:"]').first();

test('a cold shared link of the home page never shows the default view as its own', async ({ page }) => {
	await sampleFrames(page);
	await page.goto('/?campagne=2024&phase=audit&colonnes=chapitres');
	await expect(heatmapReady(page)).toHaveAttribute(
		'data-ready',
		/^heatmap:campagne=2024&phase=audit&colonnes=chapitres@/
	);
	await expect(page.locator('[data-ready^="key-figures:latest@"]')).toBeVisible();
	const stale = longestStale(await frames(page), homeWrong);
	expect(stale.ms, `visible for ${stale.ms} ms: ${stale.key}`).toBeLessThanOrEqual(LIMIT_MS);
});

test('filter changes on the home page replace every view within a frame, from the first paint', async ({
	page
}) => {
	await sampleFrames(page);
	await page.goto('/');
	const changes: [string, string][] = [
		['Campagne', '2024'],
		['Phase', 'audit'],
		['Colonnes', 'chapter'],
		['Campagne', '2023'],
		['Lignes', 'region'],
		['Phase', 'both'],
		['Campagne', 'latest']
	];
	for (const [label, value] of changes) {
		await page.getByLabel(label, { exact: true }).selectOption(value);
		await expect(heatmapReady(page)).toHaveAttribute(
			'data-ready',
			new RegExp(`^heatmap:${escape(filtersKeyOf(new URL(page.url())))}@`)
		);
	}
	await page.goBack();
	await page.goBack();
	await expect(heatmapReady(page)).toHaveAttribute(
		'data-ready',
		new RegExp(`^heatmap:${escape(filtersKeyOf(new URL(page.url())))}@`)
	);
	const stale = longestStale(await frames(page), homeWrong);
	expect(stale.ms, `visible for ${stale.ms} ms: ${stale.key}`).toBeLessThanOrEqual(LIMIT_MS);
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** ARML page: the heatmap carries campaign, phase and columns; the other views campaign and phase. */
function armlWrong(key: string, url: URL): boolean {
	const heatmap = /^arml-heatmap:[^:]+:([^@]*)@/.exec(key);
	if (heatmap) return heatmap[1] !== filtersKeyOf(url, ['campagne', 'phase', 'colonnes']);
	const view = /^arml-(?:index|ranking|gap):[^:]+:([^:@]*)[:@]/.exec(key);
	if (view) return view[1] !== filtersKeyOf(url, ['campagne', 'phase']);
	const paired = /^arml-paired:[^:]+:([^:]+):/.exec(key);
	if (paired) return paired[1] !== (url.searchParams.get('campagne') ?? 'latest');
	return false;
}

test('a cold shared link of an ARML page never shows another campaign, phase or column level', async ({
	page
}) => {
	await sampleFrames(page);
	await page.goto('/arml/occitanie?campagne=2025&phase=audit&colonnes=chapitres');
	await expect(
		page.locator('[data-ready^="arml-heatmap:occitanie:campagne=2025&phase=audit&colonnes=chapitres@"]')
	).toBeVisible();
	await page.getByLabel('Phase', { exact: true }).selectOption('auto-evaluation');
	await expect(
		page.locator('[data-ready^="arml-heatmap:occitanie:campagne=2025&colonnes=chapitres@"]')
	).toBeVisible();
	await page.getByLabel('Campagne', { exact: true }).selectOption('2023');
	await expect(
		page.locator('[data-ready^="arml-heatmap:occitanie:campagne=2023&colonnes=chapitres@"]')
	).toBeVisible();
	// The paired self-assessment/audit view follows the campaign too.
	await expect(page.locator('[data-ready^="arml-paired:occitanie:2023:"]')).toBeAttached();
	const stale = longestStale(await frames(page), armlWrong);
	expect(stale.ms, `visible for ${stale.ms} ms: ${stale.key}`).toBeLessThanOrEqual(LIMIT_MS);
});

/** Criteria explorer: each key carries the filters it reads (ARML, status, campaign, phase). */
function criteriaWrong(key: string, url: URL): boolean {
	const ranking = /^classement:([^@]*)@/.exec(key);
	if (ranking) return ranking[1] !== filtersKeyOf(url, ['campagne', 'phase', 'arml', 'statut']);
	return false;
}

test('a cold shared link of the criteria explorer never shows national figures for an ARML', async ({
	page
}) => {
	await sampleFrames(page);
	await page.goto('/criteres?arml=occitanie');
	await expect(page.locator('[data-ready^="classement:arml=occitanie@"]')).toBeVisible();
	await page.getByLabel('Phase', { exact: true }).selectOption('audit');
	await expect(page.locator('[data-ready^="classement:phase=audit&arml=occitanie@"]')).toBeVisible();
	const stale = longestStale(await frames(page), criteriaWrong);
	expect(stale.ms, `visible for ${stale.ms} ms: ${stale.key}`).toBeLessThanOrEqual(LIMIT_MS);
});

/** ML profile: every view carries the ML's id; the scores its campaign and phase, the paired view its campaign. */
function mlWrong(key: string, url: URL): boolean {
	const id = url.searchParams.get('id');
	const scores = /^ml-scores:([^:]+):([^@]*)@/.exec(key);
	if (scores) return scores[1] !== id || scores[2] !== filtersKeyOf(url, ['campagne', 'phase']);
	const paired = /^ml-paired:([^:]+):([^:]+):/.exec(key);
	if (paired) return paired[1] !== id || paired[2] !== (url.searchParams.get('campagne') ?? 'latest');
	const other = /^ml-(?:timeline|key-figures|profile):([^:@]+)[:@]/.exec(key);
	if (other) return other[1] !== id;
	return false;
}

test('a cold shared link of an ML profile never shows another ML, campaign or phase', async ({ page }) => {
	await sampleFrames(page);
	await page.goto('/ml?id=ML-88-01&campagne=2024&phase=audit');
	await expect(page.locator('[data-ready^="ml-scores:ML-88-01:campagne=2024&phase=audit@"]')).toBeVisible();
	await expect(page.locator('[data-ready^="ml-paired:ML-88-01:2024:"]')).toBeAttached();
	await page.getByLabel('Campagne', { exact: true }).selectOption('2025');
	await expect(page.locator('[data-ready^="ml-scores:ML-88-01:campagne=2025&phase=audit@"]')).toBeVisible();
	await expect(page.locator('[data-ready^="ml-paired:ML-88-01:2025:"]')).toBeAttached();
	const stale = longestStale(await frames(page), mlWrong);
	expect(stale.ms, `visible for ${stale.ms} ms: ${stale.key}`).toBeLessThanOrEqual(LIMIT_MS);
});

test('a map measure change replaces the map within a frame', async ({ page }) => {
	await sampleFrames(page);
	// Live first: the time counts from a change the page handles (one made earlier is replayed once
	// it is live, tests/early-input.e2e.ts).
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
	const map = page.locator('[data-ready^="map:"]').first();
	await expect(map).toHaveAttribute('data-ready', /^map:arml:labellisation:/);
	const before = (await map.getAttribute('data-ready'))!;
	const measure = page.getByRole('figure', { name: 'Carte de France' }).getByLabel('Mesure', { exact: true });
	for (const [value, pattern] of [
		['score', /^map:arml:score:/],
		['keyFigure', /^map:arml:keyFigure:/],
		['below', /^map:arml:below:/]
	] as const) {
		const shown = (await map.getAttribute('data-ready'))!;
		// Changed in the page, so that the time counts from the change itself.
		const t0 = await measure.evaluate((select: HTMLSelectElement, v) => {
			select.value = v;
			const t = performance.now();
			select.dispatchEvent(new Event('change', { bubbles: true }));
			return t;
		}, value);
		await expect(map).toHaveAttribute('data-ready', pattern);
		// After the change, no frame showed the previous measure's map for longer than the limit.
		const late = (await frames(page)).filter((f) => f.t > t0 && f.keys.includes(shown));
		const ms = late.length ? late[late.length - 1].t - t0 : 0;
		expect(ms, `${shown} still visible ${ms} ms after the change`).toBeLessThanOrEqual(LIMIT_MS);
	}
	expect(before).not.toEqual(await map.getAttribute('data-ready'));
});
