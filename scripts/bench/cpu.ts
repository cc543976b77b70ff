/**
 * Main-thread CPU time of filter changes, page by page: a figure the machine's load barely moves
 * (wall-clock times on a shared 2-core machine mostly measure the other jobs). For each change, the
 * CDP `Performance` metrics in thread time (`threadTicks`) are read before the change, once its
 * view is drawn (CPU time of the main thread, and of script, style and layout within it), and once
 * the page is idle again (the charts drawn after the one in view).
 *   npx tsx scripts/bench/cpu.ts [page…]   (BENCH_CHANGES changes per page, default 12)
 *   npx tsx scripts/bench/cpu.ts --scale [page…]   (on data/scale-10, imported first: `scale.ts` makes it)
 */
import type { CDPSession, Page } from '@playwright/test';
import { engineReady, engineSettled, importFiles, launch, median, quantile, serve } from './harness';
import { PAGES } from './pages';
import { change, options } from './probes';

const N = Number(process.env.BENCH_CHANGES ?? 12);
const METRICS = ['ThreadTime', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const;
type Sample = Record<(typeof METRICS)[number], number>;

async function metrics(cdp: CDPSession): Promise<Sample> {
	const { metrics } = await cdp.send('Performance.getMetrics');
	const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
	return Object.fromEntries(METRICS.map((m) => [m, get(m)])) as Sample;
}

/** Settles: two animation frames and an idle callback, so that deferred work is counted too. */
const settle = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<void>((done) =>
				requestAnimationFrame(() =>
					requestAnimationFrame(() => requestIdleCallback(() => done(), { timeout: 2000 }))
				)
			)
	);

const SCALE_TABLES = [
	'missions_locales',
	'evaluations',
	'labellisation',
	'chiffres_cles',
	'actions',
	'constats'
];

async function main() {
	const scale = process.argv.includes('--scale');
	const chosen = process.argv.slice(2).filter((a) => a !== '--scale');
	const server = await serve();
	const browser = await launch();
	// At scale 10 every page reads the dataset imported once into this context (kept in IndexedDB).
	const shared = scale ? await browser.newContext() : null;
	if (shared) {
		const page = await shared.newPage();
		const files = SCALE_TABLES.map((t) => `data/scale-10/${t}.parquet`);
		console.log('scale 10 imported', JSON.stringify(await importFiles(page, server.base, files)));
		await page.close();
	}
	try {
		for (const view of PAGES.filter((p) => chosen.length === 0 || chosen.includes(p.name))) {
			const context = shared ?? (await browser.newContext());
			const page = await context.newPage();
			await page.goto(server.base + view.path);
			if (shared) await engineSettled(page, 600_000);
			else await engineReady(page);
			const drawn = `[data-ready^="${view.prefix}"]${shared ? ':not([data-ready*="@demo-"])' : ''}`;
			await page.locator(drawn).waitFor({ timeout: 600_000 });
			await page.locator(drawn).scrollIntoViewIfNeeded();
			await page.evaluate(
				() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
			);
			const cdp = await context.newCDPSession(page);
			await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
			const rows: { wall: number; painted: number; cpu: Sample; total: number }[] = [];
			for (let i = 0; i < N + 2; i++) {
				const label = i % 2 === 0 ? 'Campagne' : 'Phase';
				const select = await options(page, label);
				if (!select) throw new Error(`${view.path}: no select labelled ${label}`);
				const next = select.values[(select.values.indexOf(select.value) + 1) % select.values.length];
				await settle(page);
				const before = await metrics(cdp);
				const result = await change(page, label, next, view.prefix);
				const drawn = await metrics(cdp);
				await settle(page);
				const after = await metrics(cdp);
				if (!result || !('frame' in result)) throw new Error(`${view.path}: ${label} → ${next} never drawn`);
				const cpu = Object.fromEntries(METRICS.map((m) => [m, drawn[m] - before[m]])) as Sample;
				const total = after.ThreadTime - before.ThreadTime;
				if (i >= 2) rows.push({ wall: result.frame, painted: result.painted, cpu, total }); // the first two warm up
			}
			const med = (f: (r: (typeof rows)[number]) => number) => Math.round(median(rows.map(f)));
			console.log(
				`${view.name.padEnd(9)} wall p50 ${med((r) => r.wall)} p95 ${Math.round(
					quantile(
						rows.map((r) => r.wall),
						0.95
					)
				)} ms (painted p50 ${med((r) => r.painted)} p95 ${Math.round(
					quantile(
						rows.map((r) => r.painted),
						0.95
					)
				)})` +
					` · main-thread CPU per change p50 ${med((r) => r.cpu.ThreadTime)} ms (script ${med((r) => r.cpu.ScriptDuration)},` +
					` style ${med((r) => r.cpu.RecalcStyleDuration)}, layout ${med((r) => r.cpu.LayoutDuration)})` +
					` p95 ${Math.round(
						quantile(
							rows.map((r) => r.cpu.ThreadTime),
							0.95
						)
					)} ms; with what follows (idle) p50 ${med((r) => r.total)} ms`
			);
			if (shared) await page.close();
			else await context.close();
		}
	} finally {
		await shared?.close();
		await browser.close();
		server.close();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
