// Page benchmark: time to the first heatmap and to DuckDB-WASM ready (on the console, which starts
// it: a reading page never does), in headless Chromium,
// against the built site (`npm run build` first). Prints medians and a ratio to a baseline page
// (the text-only méthodologie page) measured in the same run, since these machines are noisy.
import type { Browser } from '@playwright/test';
import { launch, serve } from './harness';

const PORT = Number(process.env.BENCH_PORT ?? 4191);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const base = `http://localhost:${PORT}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Resolves with the page's first contentful paint (buffered: it may have happened already). */
function firstContentfulPaint(): Promise<number> {
	return new Promise((resolve) => {
		new PerformanceObserver((list) => {
			const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
			if (entry) resolve(entry.startTime);
		}).observe({ type: 'paint', buffered: true });
	});
}

async function measure(browser: Browser) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${base}/methodologie`);
	const baseline = await page.evaluate(firstContentfulPaint);
	await context.close();

	const home = await (await browser.newContext()).newPage();
	await home.goto(`${base}/`);
	await home.locator('[data-ready^="heatmap:"]').waitFor();
	const firstHeatmap = await home.evaluate(firstContentfulPaint);
	await home.locator('html[data-hydrated]').waitFor();
	await home.getByLabel('Colonnes').selectOption('chapter');
	const t0 = Date.now();
	await home.locator('[data-ready*="colonnes=chapitres"]').waitFor();
	const filterChange = Date.now() - t0;
	// The home page never starts DuckDB-WASM: its start is timed on the console, which needs it.
	await home.goto(`${base}/requetes`);
	await home.locator('[data-engine="ready"]').waitFor({ timeout: 120_000 });
	const marks = await home.evaluate(() =>
		Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))
	);
	await home.context().close();
	return {
		baseline,
		firstHeatmap,
		duckdbOpen: marks['duckdb:open'] - marks['duckdb:start'],
		foundations: marks['duckdb:foundations'] - marks['duckdb:open'],
		demoTables: marks['duckdb:ready'] - marks['duckdb:foundations'],
		duckdbReady: marks['duckdb:ready'],
		filterChange
	};
}

async function main() {
	// The same plain static server as the other benchmarks: `npx vite preview` was spawned through
	// npx, and killing npx left vite serving the port after the script ended.
	const server = await serve(PORT);
	try {
		const browser = await launch();
		const runs: Awaited<ReturnType<typeof measure>>[] = [];
		for (let i = 0; i < RUNS; i++) runs.push(await measure(browser));
		await browser.close();
		const m = (key: keyof (typeof runs)[number]) => Math.round(median(runs.map((r) => r[key])));
		const result = {
			runs: RUNS,
			'baseline FCP, text page (ms)': m('baseline'),
			'first heatmap painted (ms)': m('firstHeatmap'),
			'first heatmap / baseline': +median(runs.map((r) => r.firstHeatmap / r.baseline)).toFixed(2),
			'DuckDB-WASM instantiate + open (ms)': m('duckdbOpen'),
			'  then référentiel + geography loaded (ms)': m('foundations'),
			'  then demo tables loaded (ms)': m('demoTables'),
			'DuckDB-WASM ready with demo data (ms)': m('duckdbReady'),
			'DuckDB ready / baseline': +median(runs.map((r) => r.duckdbReady / r.baseline)).toFixed(1),
			'filter change → new heatmap drawn (ms)': m('filterChange')
		};
		console.table(result);
	} finally {
		server.close();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
