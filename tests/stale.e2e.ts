import { expect, test, type Page } from '@playwright/test';
import { filtersKeyOf, frames, longestStale, sampleFrames } from './frames';

// Must have 1 of issue 12: a view never shows a value computed for another state than the one its
// labels (and the URL) name for more than 250 ms; in between it says « Calcul en cours… ».
const LIMIT_MS = 250;

/** Home: the heatmap's key carries the URL's filters; the key figures carry the campaign. */
function homeWrong(key: string, url: URL): boolean {
	const heatmap = /^heatmap:([^@]*)@/.exec(key);
	if (heatmap) return heatmap[1] !== filtersKeyOf(url);
	const figures = /^key-figures:([^@]*)@/.exec(key);
	if (figures) return figures[1] !== (url.searchParams.get('campagne') ?? 'latest');
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
	await expect(page.locator('[data-ready^="key-figures:2024@"]')).toBeVisible();
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
