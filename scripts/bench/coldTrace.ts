/**
 * A cold shared link traced: Chromium's trace of one cold load of the shared link (issue 12), to read
 * what its time goes to; prints when its chart was right (ms from navigation start).
 *   npx tsx scripts/bench/coldTrace.ts [out.json]   (default bench-results/cold-link.trace.json; open it in
 *   Chromium's DevTools, Performance panel)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { launch, serve, engineSettled } from './harness';
import { WATCH, correctSince } from './probes';

const PATH = '/arml/occitanie?campagne=2025&phase=audit&colonnes=chapitres';
const PREFIX = 'arml-heatmap:';
const STATE = 'campagne=2025&phase=audit&colonnes=chapitres';

async function main() {
	const server = await serve();
	const browser = await launch();
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.addInitScript(`(${WATCH})(${JSON.stringify({ prefix: PREFIX, state: STATE })})`);
		await browser.startTracing(page, {
			categories: [
				'devtools.timeline',
				'disabled-by-default-devtools.timeline',
				'v8.execute',
				'blink.user_timing',
				'loading',
				'toplevel',
				'v8'
			]
		});
		await page.goto(server.base + PATH);
		await engineSettled(page);
		await page.locator(`[data-ready^="${PREFIX}"][data-ready*="${STATE}"]`).waitFor({ timeout: 120_000 });
		await page.waitForFunction(
			() =>
				performance.now() -
					(window as unknown as { bench: { samples: number[][] } }).bench.samples.at(-1)![0] >
				1500,
			null,
			{
				polling: 250
			}
		);
		const samples = (await page.evaluate('window.bench.samples')) as [number, boolean, number][];
		const buf = await browser.stopTracing();
		mkdirSync('bench-results', { recursive: true });
		writeFileSync(process.argv[2] ?? 'bench-results/cold-link.trace.json', buf);
		console.log('correct', correctSince(samples));
		await context.close();
	} finally {
		await browser.close();
		server.close();
	}
}
main().catch((e) => {
	console.error(e);
	process.exit(1);
});
