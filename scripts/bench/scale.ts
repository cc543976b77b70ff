/**
 * Scale-10 benchmark (issue 12, point 5): the network of 4 370 structures (`npm run data --
 * --scale 10`, generated here if missing) imported through « Données » in headless Chromium, then
 * filter changes on every page on it, while the memory is sampled. Peak memory: the renderer
 * processes' resident size (the page's JS heap, its workers and DuckDB-WASM's memory live there),
 * and the page's own JS heap. Each figure is the median of RUNS cold runs; the floor is measured
 * in the same run. Results: bench-results/scale.json.
 *   npx tsx scripts/bench/scale.ts
 */
import type { Browser, Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { CHANGES, RUNS, floor, importFiles, launch, median, quantile, serve } from './harness';
import { PAGES, changes } from './pages';

const DIR = 'data/scale-10';
const TABLES = ['missions_locales', 'evaluations', 'labellisation', 'chiffres_cles', 'actions', 'constats'];

/** Resident memory (bytes) of the renderer processes of the Chromium this script started (Linux /proc). */
function rendererResident(): number {
	const parent = new Map<number, number>();
	for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p)))
		try {
			// The parent pid is the 2nd field after the command's closing parenthesis.
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			/* the process ended meanwhile */
		}
	const mine = (pid: number): boolean => {
		for (let p = parent.get(pid); p && p > 1; p = parent.get(p)) if (p === process.pid) return true;
		return false;
	};
	let total = 0;
	for (const pid of parent.keys()) {
		if (!mine(pid)) continue;
		try {
			if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
			const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (rss) total += Number(rss[1]) * 1024;
		} catch {
			/* the process ended meanwhile */
		}
	}
	return total;
}

/** Samples memory every 250 ms until stopped; returns the peaks. */
function sampleMemory(page: () => Page | null) {
	let rss = 0;
	let heap = 0;
	const timer = setInterval(async () => {
		rss = Math.max(rss, rendererResident());
		const p = page();
		if (!p || p.isClosed()) return;
		const used = await p
			.evaluate(
				() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0
			)
			.catch(() => 0);
		heap = Math.max(heap, used);
	}, 250);
	return () => {
		clearInterval(timer);
		return { rss, heap };
	};
}

async function run(browser: Browser, base: string) {
	const context = await browser.newContext();
	let current: Page | null = null;
	context.on('page', (p) => (current = p));
	const stop = sampleMemory(() => current);
	const page = await context.newPage();
	const imported = await importFiles(
		page,
		base,
		TABLES.map((t) => `${DIR}/${t}.parquet`)
	);
	// Where the import's time went: the page's own measures (`import/session.svelte.ts`).
	const steps = (await page.evaluate(
		`Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('import:')).map((m) => [m.name.slice(7), m.duration]))`
	)) as Record<string, number>;
	await page.close();
	const pages: Record<string, { p50: number; p95: number; all: number[] } | { error: string }> = {};
	for (const view of PAGES) {
		try {
			const times = await changes(context, base, view, { imported: true, timeout: 600_000 });
			pages[view.name] = { p50: quantile(times, 0.5), p95: quantile(times, 0.95), all: times };
		} catch (e) {
			pages[view.name] = { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
		}
		console.log(view.name, JSON.stringify(pages[view.name]));
	}
	const memory = stop();
	await context.close();
	const all = Object.values(pages).flatMap((p) => ('all' in p ? p.all : []));
	return { imported, steps, pages, p95: quantile(all, 0.95), memory };
}

async function main() {
	if (!existsSync(`${DIR}/manifest.json`)) {
		console.log(`Generating ${DIR} (npm run data -- --scale 10, about a minute)…`);
		const gen = spawnSync('npx', ['tsx', 'scripts/generate-demo.ts', '--scale', '10'], { stdio: 'inherit' });
		if (gen.status !== 0) throw new Error('scale-10 generation failed');
	}
	const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8'));
	const server = await serve();
	const browser = await launch();
	try {
		const floors: number[] = [];
		const runs: Awaited<ReturnType<typeof run>>[] = [];
		for (let i = 0; i < RUNS; i++) {
			floors.push(await floor(browser, server.base));
			runs.push(await run(browser, server.base));
			console.log(
				`run ${i + 1}: floor ${Math.round(floors.at(-1)!)} ms`,
				JSON.stringify(runs.at(-1)!.imported)
			);
		}
		const med = (pick: (r: (typeof runs)[number]) => number) => median(runs.map(pick));
		const result = {
			date: new Date().toISOString(),
			runs: RUNS,
			changes: CHANGES,
			rows: manifest.tables,
			floor: median(floors),
			floors,
			import: { validate: med((r) => r.imported.validate), total: med((r) => r.imported.total) },
			// Medians of each step: read and validate (worker), commit, the cube computed (worker) and
			// kept, the tables kept as Parquet (IndexedDB).
			importSteps: Object.fromEntries(
				['read', 'validate', 'commit', 'cube', 'save'].map((k) => [k, med((r) => r.steps[k] ?? NaN)])
			),
			viewChangeP95: med((r) => r.p95),
			pages: Object.fromEntries(
				PAGES.map((v) => {
					const ok = runs.map((r) => r.pages[v.name]).filter((p) => 'p95' in p);
					return [
						v.name,
						ok.length
							? { p50: median(ok.map((p) => p.p50)), p95: median(ok.map((p) => p.p95)) }
							: runs[0].pages[v.name]
					];
				})
			),
			memory: { rss: med((r) => r.memory.rss), heap: med((r) => r.memory.heap) }
		};
		mkdirSync('bench-results', { recursive: true });
		writeFileSync('bench-results/scale.json', JSON.stringify(result, null, '\t') + '\n');
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
