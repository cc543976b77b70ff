/**
 * The weight of the built site (issue 12, point 4), checked on `build/` after `npm run build`:
 * each WebAssembly module is shipped once (parquet-wasm was shipped twice, once for the page and
 * once for the import worker); the home page's own JavaScript stays within 300 KB gzip, and the
 * import worker is not loaded for a reader; no prerendered page is over 1 MB.
 */
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUILD = 'build';

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((f) => join(dir, f))
		.filter((f) => statSync(f).isFile());
}

test('each WebAssembly module is in the build once', () => {
	const wasm = filesUnder(BUILD).filter((f) => f.endsWith('.wasm'));
	const stem = (f: string) => f.replace(/^.*\//, '').replace(/[.-][\w-]{8}\.wasm$/, '');
	expect(wasm.map(stem).sort()).toEqual(['duckdb-eh', 'parquet_wasm_bg']);
	const digests = wasm.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'));
	expect(new Set(digests).size).toBe(wasm.length);
});

test('every prerendered page is at most 1 MB (its charts once, no long decimals, short cell names)', () => {
	const pages = filesUnder(BUILD).filter((f) => f.endsWith('.html'));
	expect(pages.length).toBeGreaterThan(20);
	const heavy = pages.map((f) => ({ f, bytes: statSync(f).size })).filter(({ bytes }) => bytes > 1_000_000);
	expect(heavy).toEqual([]);
	// The page that was 3.6 MB: its heatmap of 79 Missions Locales × 24 criteria is most of it.
	expect(statSync(join(BUILD, 'arml/ile-de-france.html')).size).toBeGreaterThan(300_000);
});

test('the home page loads at most 300 KB of its own JavaScript (gzip), and no import worker', async ({
	page
}) => {
	const sizes = new Map<string, Promise<number>>();
	page.on('response', (r) => {
		const path = new URL(r.url()).pathname;
		if (/\.m?js$/.test(path))
			sizes.set(
				path,
				r.body().then(
					(b) => gzipSync(b).length,
					() => 0
				)
			);
	});
	await page.goto('/');
	await expect(page.getByText('Moteur de calcul prêt')).toBeVisible({ timeout: 90_000 });
	await page.waitForLoadState('networkidle');
	// DuckDB-WASM starts once the page is idle; what it fetches from then on is the engine's.
	const engine = await page.evaluate(() => {
		const start = performance.getEntriesByName('duckdb:start')[0]?.startTime ?? Infinity;
		return performance
			.getEntriesByType('resource')
			.filter((e) => e.startTime >= start)
			.map((e) => new URL(e.name).pathname);
	});
	const own = [...sizes.keys()].filter((path) => !engine.includes(path));
	const bytes = (await Promise.all(own.map((path) => sizes.get(path)!))).reduce((a, b) => a + b, 0);
	expect(bytes).toBeGreaterThan(50_000);
	expect(bytes).toBeLessThanOrEqual(300 * 1024);
	// The import worker (92 KB gzip) starts on the first Parquet file to decode: none here.
	expect([...sizes.keys()].filter((path) => path.includes('/workers/'))).toEqual([]);
});
