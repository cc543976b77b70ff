/**
 * Main-thread CPU time of filter changes, page by page: a figure the machine's load barely moves
 * (wall-clock times on a shared 2-core machine mostly measure the other jobs). For each change, the
 * CDP `Performance` metrics in thread time (`threadTicks`) are read before the change, once its
 * view is drawn (CPU time of the main thread, and of script, style and layout within it), and once
 * the page is idle again (the charts drawn after the one in view).
 *   npx tsx scripts/bench/cpu.ts [page…]   (BENCH_CHANGES changes per page, default 12)
 */
import type { CDPSession, Page } from '@playwright/test';
import { engineReady, launch, median, quantile, serve } from './harness';
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

async function main() {
	const chosen = process.argv.slice(2);
	const server = await serve();
	const browser = await launch();
	try {
		for (const view of PAGES.filter((p) => chosen.length === 0 || chosen.includes(p.name))) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(server.base + view.path);
			await engineReady(page);
			await page.locator(`[data-ready^="${view.prefix}"]`).waitFor();
			await page.locator(`[data-ready^="${view.prefix}"]`).scrollIntoViewIfNeeded();
			await page.evaluate(
				() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
			);
			const cdp = await context.newCDPSession(page);
			await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
			const rows: { wall: number; cpu: Sample; total: number }[] = [];
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
				if (i >= 2) rows.push({ wall: result.frame, cpu, total }); // the first two warm up
			}
			const med = (f: (r: (typeof rows)[number]) => number) => Math.round(median(rows.map(f)));
			console.log(
				`${view.name.padEnd(9)} wall p50 ${med((r) => r.wall)} p95 ${Math.round(
					quantile(
						rows.map((r) => r.wall),
						0.95
					)
				)} ms` +
					` · main-thread CPU per change p50 ${med((r) => r.cpu.ThreadTime)} ms (script ${med((r) => r.cpu.ScriptDuration)},` +
					` style ${med((r) => r.cpu.RecalcStyleDuration)}, layout ${med((r) => r.cpu.LayoutDuration)})` +
					` p95 ${Math.round(
						quantile(
							rows.map((r) => r.cpu.ThreadTime),
							0.95
						)
					)} ms; with what follows (idle) p50 ${med((r) => r.total)} ms`
			);
			await context.close();
		}
	} finally {
		await browser.close();
		server.close();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
