/**
 * Views benchmark (issue 12, point 6), in one run beside the floor page (`harness.ts`):
 * - a cold shared link, until its chart shows the URL's state with the right figures;
 * - a filter change made as soon as the home page has painted and hydrated;
 * - filter changes once loaded, p50 and p95, on the home, an ARML page, /criteres and /ml;
 * - the same on imported data (the demo's own files through « Données »), after a reload;
 * - the bytes of a home-page load, by kind (gzip), and the built HTML pages.
 * Each figure is the median of RUNS cold runs (fresh browser context); results go to
 * bench-results/views.json, and `report.ts` writes them into docs/benchmarks.md.
 *   npx tsx scripts/bench/views.ts   (BENCH_RUNS=3 BENCH_CHANGES=20; BENCH_QUICK=1: 1 run, 6 changes)
 */
import type { Browser } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { bytesByKind, htmlSizes } from './bytes';
import { RUNS, CHANGES, engineSettled, floor, importFiles, launch, median, serve } from './harness';
import { allPages } from './pages';
import { EARLY, WATCH, correctSince } from './probes';

const SHARED = {
	path: '/arml/occitanie?campagne=2025&phase=audit&colonnes=chapitres',
	prefix: 'arml-heatmap:'
};
const SHARED_STATE = 'campagne=2025&phase=audit&colonnes=chapitres';
const DEMO_FILES = [
	'missions_locales',
	'evaluations',
	'labellisation',
	'chiffres_cles',
	'actions',
	'constats'
].map((t) => `data/${t}.parquet`);

/** What the probes keep in the page (CSP forbids evaluating strings there: predicates are functions). */
type Bench = { bench: { samples: [number, boolean, number][]; early: unknown } };

/** A cold shared link: ms from navigation start until its chart is right for good. */
async function coldLink(browser: Browser, base: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.addInitScript(`(${WATCH})(${JSON.stringify({ prefix: SHARED.prefix, state: SHARED_STATE })})`);
	await page.goto(base + SHARED.path);
	await engineSettled(page);
	await page
		.locator(`[data-ready^="${SHARED.prefix}"][data-ready*="${SHARED_STATE}"]`)
		.waitFor({ timeout: 120_000 });
	// Settled: nothing changed in the view for 2 s.
	await page.waitForFunction(
		() => performance.now() - (window as unknown as Bench).bench.samples.at(-1)![0] > 2000,
		null,
		{ timeout: 120_000, polling: 250 }
	);
	const { samples, fcp } = (await page.evaluate('window.bench')) as {
		samples: [number, boolean, number][];
		fcp: number | null;
	};
	await context.close();
	return { correct: correctSince(samples), fcp };
}

/** A change of Campagne as soon as the home page has painted and hydrated. */
async function earlyChange(browser: Browser, base: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.addInitScript(
		`(${EARLY})(${JSON.stringify({ label: 'Campagne', value: '2024', prefix: 'heatmap:' })})`
	);
	await page.goto(`${base}/`);
	await page.waitForFunction(() => (window as unknown as Bench).bench.early, null, {
		timeout: 120_000,
		polling: 250
	});
	const early = (await page.evaluate('window.bench.early')) as {
		fcp: number;
		hydrated: number | null;
		result: { ready: number; frame: number; painted: number } | null;
	};
	await context.close();
	if (!early.result || !('painted' in early.result)) return { change: null, fromPaint: null };
	const changedAt = Math.max(early.fcp, early.hydrated ?? 0);
	return { change: early.result.painted, fromPaint: changedAt - early.fcp + early.result.painted };
}

async function main() {
	const load = loadavg();
	const server = await serve();
	const browser = await launch();
	try {
		const floors: number[] = [];
		const links: { correct: number | null; fcp: number | null }[] = [];
		const early: { change: number | null; fromPaint: number | null }[] = [];
		// Interleaved: a busy spell of the machine falls on every figure, not on one.
		for (let i = 0; i < RUNS; i++) {
			floors.push(await floor(browser, server.base));
			links.push(await coldLink(browser, server.base));
			early.push(await earlyChange(browser, server.base));
			console.log(`run ${i + 1}: floor ${Math.round(floors.at(-1)!)} ms`, links.at(-1), early.at(-1));
		}
		const fresh = Array.from({ length: RUNS }, () => () => browser.newContext());
		const demo = await allPages(fresh, server.base);

		// Imported: the demo's own files through « Données », then each run reloads the pages.
		const kept = await browser.newContext();
		const imported = await importFiles(await kept.newPage(), server.base, DEMO_FILES);
		console.log('imported the demo files', imported);
		const reloads = Array.from({ length: RUNS }, () => async () => kept);
		const importedPages = await allPages(reloads, server.base, kept);
		await kept.close();

		const bytes = await bytesByKind(browser, server.base);
		const nums = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
		const result = {
			date: new Date().toISOString(),
			load,
			runs: RUNS,
			changes: CHANGES,
			chromium: browser.version(),
			floor: median(floors),
			floors,
			coldLink: {
				correct: median(nums(links.map((l) => l.correct))),
				fcp: median(nums(links.map((l) => l.fcp))),
				runs: links
			},
			earlyChange: {
				change: median(nums(early.map((e) => e.change))),
				fromPaint: median(nums(early.map((e) => e.fromPaint))),
				runs: early
			},
			demo,
			imported: { import: imported, pages: importedPages },
			bytes,
			html: htmlSizes()
		};
		mkdirSync('bench-results', { recursive: true });
		writeFileSync('bench-results/views.json', JSON.stringify(result, null, '\t') + '\n');
		console.log(JSON.stringify(result, null, 2));
	} finally {
		await browser.close();
		server.close();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
