/**
 * The cold shared link, build against build (issue 12): the time from navigation start until its
 * chart is right for good (as `views.ts` times it, in the page), and the CPU time until then, read
 * from Chromium's trace (the thread time of the top-level tasks), which the machine's load barely
 * moves: the page's main thread, and every thread of Chromium (network, browser, compositor). Also when the HTML was parsed, and how long its parse and the
 * module scripts' evaluation took. Runs are interleaved between the builds, a fresh context each.
 *   npx tsx scripts/bench/coldLink.ts [build-dir…]   (default build/; BENCH_RUNS runs each, 7)
 */
import type { Browser } from '@playwright/test';
import { launch, median, serve } from './harness';
import { WATCH, correctSince } from './probes';

const PATH = '/arml/occitanie?campagne=2025&phase=audit&colonnes=chapitres';
const PREFIX = 'arml-heatmap:';
const STATE = 'campagne=2025&phase=audit&colonnes=chapitres';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CATEGORIES = [
	'disabled-by-default-devtools.timeline',
	'devtools.timeline',
	'blink.user_timing',
	'toplevel',
	'v8'
];

type TraceEvent = {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	tdur?: number;
	args?: { name?: string; data?: { documentLoaderURL?: string } };
};
type Run = { correct: number; cpu: number; chrome: number; parsed: number; parse: number; modules: number };

/** Sums the main thread's work from navigation start until `until` ms, from a trace. */
function mainThread(events: TraceEvent[], until: number): Omit<Run, 'correct'> {
	const nav = events.find(
		(e) => e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? '').includes('occitanie')
	);
	if (!nav) throw new Error('no navigationStart in the trace');
	const on = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && e.ts >= nav.ts);
	const end = nav.ts + until * 1000;
	const sum = (name: string, field: 'dur' | 'tdur') =>
		on.filter((e) => e.name === name && e.ts <= end).reduce((s, e) => s + (e[field] ?? 0), 0) / 1000;
	const parses = on.filter((e) => e.name === 'ParseHTML' && JSON.stringify(e.args).includes('occitanie'));
	return {
		// A task and the microtasks run after it (the app's first render is one such checkpoint).
		cpu: sum('RunTask', 'tdur'),
		// Every thread of every Chromium process (browser, network, GPU, the page's workers): what the
		// page costs a machine whose two cores it shares.
		chrome:
			events
				.filter(
					(e) =>
						e.ph === 'X' && /^(RunTask|ThreadPool_RunTask)$/.test(e.name) && e.ts >= nav.ts && e.ts <= end
				)
				.reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000,
		parsed: parses.length ? (Math.max(...parses.map((e) => e.ts + (e.dur ?? 0))) - nav.ts) / 1000 : NaN,
		parse: sum('ParseHTML', 'tdur'),
		modules: sum('v8.compileModule', 'tdur') + sum('v8.evaluateModule', 'tdur')
	};
}

async function coldRun(browser: Browser, base: string): Promise<Run> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.addInitScript(`(${WATCH})(${JSON.stringify({ prefix: PREFIX, state: STATE })})`);
	await browser.startTracing(page, { categories: CATEGORIES });
	await page.goto(base + PATH);
	await page.locator(`[data-ready^="${PREFIX}"][data-ready*="${STATE}"]`).waitFor({ timeout: 120_000 });
	// Settled: nothing changed in the view for 1.5 s.
	await page.waitForFunction(
		() => {
			const samples = (window as unknown as { bench: { samples: number[][] } }).bench.samples;
			return performance.now() - samples[samples.length - 1][0] > 1500;
		},
		null,
		{ timeout: 120_000, polling: 250 }
	);
	const samples = (await page.evaluate('window.bench.samples')) as [number, boolean, number][];
	const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
	await context.close();
	const correct = correctSince(samples);
	if (correct === null) throw new Error('the chart never showed the link’s state');
	return { correct, ...mainThread(trace.traceEvents, correct) };
}

async function main() {
	const builds = process.argv.slice(2).length ? process.argv.slice(2) : ['build'];
	const port = Number(process.env.BENCH_PORT ?? 4190);
	const servers = await Promise.all(builds.map((b, i) => serve(port + i, b)));
	const browser = await launch();
	const runs: Run[][] = builds.map(() => []);
	try {
		for (let i = 0; i < RUNS + 1; i++)
			for (const [b, server] of servers.entries()) {
				const run = await coldRun(browser, server.base);
				if (i > 0) runs[b].push(run); // the first round warms the server's and the disk's caches
				console.log(
					`${builds[b]} run ${i}:`,
					JSON.stringify(run, (_, v) => (typeof v === 'number' ? Math.round(v) : v))
				);
			}
		for (const [b, build] of builds.entries()) {
			const med = (f: (r: Run) => number) => Math.round(median(runs[b].map(f)));
			console.log(
				`${build}: right chart p50 ${med((r) => r.correct)} ms; CPU until then p50: page main thread ${med((r) => r.cpu)} ms, all of Chromium ${med((r) => r.chrome)} ms` +
					` (HTML parse ${med((r) => r.parse)} ms, parsed at ${med((r) => r.parsed)} ms; module scripts ${med((r) => r.modules)} ms)`
			);
		}
	} finally {
		await browser.close();
		for (const s of servers) s.close();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
