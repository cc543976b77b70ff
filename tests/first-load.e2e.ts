import { expect, test } from './fixture';

// Issue 12, a cold shared link: the page is rendered afresh in the URL's state (not hydrated in
// the prerendered default state and then redrawn), the prerendered charts are not laid out before
// that, the chart in view is drawn first and those below the fold when the page is idle, and the
// demo's cube is fetched once, while the page parses (src/lib/state/firstRender.ts).

const LINK = '/arml/occitanie?campagne=2025&phase=audit&colonnes=chapitres';
const URL_KEY = 'arml-heatmap:occitanie:campagne=2025&phase=audit&colonnes=chapitres@';

type Seen = { atReady: { ready: string[]; busy: number } | null; laidOut: number | null };

test('a cold shared link draws the chart in view in the URL’s state first, and the charts below the fold when idle', async ({
	page
}) => {
	const warnings: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
	});
	page.on('pageerror', (e) => warnings.push(e.message));
	await page.addInitScript((key) => {
		const seen: Seen = { atReady: null, laidOut: null };
		(window as unknown as { __seen: Seen }).__seen = seen;
		document.addEventListener('readystatechange', () => {
			// Parsed, before the app's scripts run: the prerendered heatmap is in the page, not laid out.
			if (document.readyState !== 'interactive') return;
			const svg = document.querySelector('[data-ready^="arml-heatmap:"] svg');
			seen.laidOut = svg ? svg.getBoundingClientRect().height : -1;
		});
		new MutationObserver(() => {
			if (seen.atReady || !document.querySelector(`[data-ready^="${key}"]`)) return;
			seen.atReady = {
				ready: [...document.querySelectorAll('[data-ready]')].map((e) => e.getAttribute('data-ready')!),
				busy: document.querySelectorAll('[aria-busy="true"]').length
			};
		}).observe(document, {
			subtree: true,
			childList: true,
			attributes: true,
			attributeFilter: ['data-ready']
		});
	}, URL_KEY);

	await page.goto(LINK);
	await expect(page.locator(`[data-ready^="${URL_KEY}"]`)).toBeVisible();
	const seen = await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
	// The prerendered (default-state) heatmap was parsed but given no box before the app replaced it.
	expect(seen.laidOut).toBe(0);
	// When the heatmap of the URL's state first showed, no chart of another state was drawn, and the
	// charts below the fold were still waiting (« Calcul en cours… »), not drawn in the same task.
	const heatmaps = seen.atReady!.ready.filter((k) => k.startsWith('arml-heatmap:'));
	expect(heatmaps.length).toBe(1);
	expect(heatmaps.every((k) => k.startsWith(URL_KEY))).toBe(true);
	expect(seen.atReady!.busy).toBeGreaterThan(0);
	// Without scrolling, the page draws them when idle: the key figures' rates at the bottom too.
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	await expect(page.locator('[data-ready^="arml-rates:"]')).toBeAttached();
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
	expect(warnings).toEqual([]);
});

test('the demo’s cube is fetched once, whether the page is hydrated or rendered afresh', async ({ page }) => {
	const cubes: string[] = [];
	page.on('request', (r) => {
		if (new URL(r.url()).pathname === '/cube.bin') cubes.push(r.url());
	});
	await page.goto('/');
	await expect(page.locator('[data-ready^="heatmap:"]').first()).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
	expect(cubes).toHaveLength(1);
	// Requested by the preload of app.html's script, while the page parsed, and used by the app.
	const initiator = await page.evaluate(
		() =>
			performance.getEntriesByType('resource').find((e) => e.name.endsWith('/cube.bin')) as
				PerformanceResourceTiming | undefined
	);
	expect(initiator?.initiatorType).toBe('link');

	cubes.length = 0;
	await page.goto(LINK);
	await expect(page.locator(`[data-ready^="${URL_KEY}"]`)).toBeVisible();
	expect(cubes).toHaveLength(1);
});

test('a cold shared link announces every script its app starts with, and no stylesheet holds its parsing back', async ({
	page,
	request
}) => {
	const html = await (await request.get(LINK)).text();
	const preloaded = new Set(
		[...html.matchAll(/<link href="([^"]+)" rel="modulepreload">/g)].map(([, href]) =>
			href.replace(/^(\.\.\/)+/, '/')
		)
	);
	expect(preloaded.size).toBeGreaterThan(0);
	// A linked stylesheet held back app.html's script, the body's parsing and the cube's preload.
	expect(html).not.toMatch(/<link[^>]* rel="stylesheet"(?![^>]*disabled)[^>]*>/);
	const scripts: string[] = [];
	page.on('request', (r) => {
		const path = new URL(r.url()).pathname;
		if (path.startsWith('/_app/immutable/') && path.endsWith('.js')) scripts.push(path);
	});
	await page.goto(LINK);
	await expect(page.locator(`[data-ready^="${URL_KEY}"]`)).toBeVisible();
	// Every chunk the page imports was fetched from the HTML's preloads, not found once its importer
	// had arrived (SvelteKit's root error page, loaded without being waited for, apart).
	const found = scripts.filter((s) => !preloaded.has(s) && !s.startsWith('/_app/immutable/nodes/1.'));
	expect(found).toEqual([]);
});
