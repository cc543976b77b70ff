/**
 * Filter changes on loaded pages: on each page, CHANGES changes of Campagne and Phase alternately,
 * each timed in the page from the change to the end of the frame that paints the view's new key
 * (`probes.ts`: its style, layout and paint included).
 */
import type { BrowserContext } from '@playwright/test';
import { CHANGES, engineSettled, median, quantile } from './harness';
import { change, options, type View } from './probes';

export const PAGES: (View & { name: string })[] = [
	{ name: 'home', path: '/', prefix: 'heatmap:' },
	{ name: 'arml', path: '/arml/occitanie', prefix: 'arml-heatmap:' },
	{ name: 'criteres', path: '/criteres', prefix: 'classement:' },
	{ name: 'ml', path: '/ml?id=ML-31-01', prefix: 'ml-scores:' }
];
/** CHANGES filter changes on a loaded page, Campagne and Phase alternately: ms until painted. */
export async function changes(
	context: BrowserContext,
	base: string,
	view: View,
	{ imported = false, timeout = 120_000 } = {}
): Promise<number[]> {
	const page = await context.newPage();
	await page.goto(base + view.path);
	await engineSettled(page, timeout);
	// On imported data, the view must be drawn from it, not from the demo (keys end in `@demo-0`).
	const drawn = `[data-ready^="${view.prefix}"]${imported ? ':not([data-ready*="@demo-"])' : ''}`;
	await page.locator(drawn).waitFor({ timeout });
	// In view, as for a reader changing the filters above it: charts out of view draw when idle.
	await page.locator(drawn).scrollIntoViewIfNeeded();
	await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
	const times: number[] = [];
	for (let i = 0; i < CHANGES; i++) {
		const label = i % 2 === 0 ? 'Campagne' : 'Phase';
		const select = await options(page, label);
		if (!select) throw new Error(`${view.path}: no select labelled ${label}`);
		const next = select.values[(select.values.indexOf(select.value) + 1) % select.values.length];
		const result = await change(page, label, next, view.prefix);
		if (!result || !('painted' in result))
			throw new Error(`${view.path}: ${label} → ${next} never drawn (${JSON.stringify(result)})`);
		times.push(result.painted);
	}
	await page.close();
	return times;
}

type PageFigures = { p50: number; p95: number; n: number } | { error: string };

/** p50 and p95 of each page's changes, each the median over the runs. */
export async function allPages(runs: (() => Promise<BrowserContext>)[], base: string, keep?: BrowserContext) {
	const out: Record<string, PageFigures> = {};
	for (const view of PAGES) {
		const perRun: number[][] = [];
		try {
			for (const open of runs) {
				const context = await open();
				perRun.push(
					await changes(context, base, view, { imported: context === keep }).finally(
						() => context !== keep && context.close()
					)
				);
			}
			out[view.name] = {
				p50: median(perRun.map((t) => quantile(t, 0.5))),
				p95: median(perRun.map((t) => quantile(t, 0.95))),
				n: perRun.flat().length
			};
		} catch (e) {
			out[view.name] = { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
		}
		console.log(view.name, JSON.stringify(out[view.name]));
	}
	return out;
}
