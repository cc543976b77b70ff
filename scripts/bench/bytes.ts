/**
 * Bytes by kind: what a cold load of the home page fetches until the network is idle (JS, wasm,
 * data, HTML, CSS), raw and gzip (as a server compressing its responses would send them), with
 * the JavaScript fetched once DuckDB-WASM starts (`duckdb:start`) counted apart; and the size of
 * the built HTML pages (a page must carry its SVG once).
 */
import type { Browser } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUILD, engineSettled } from './harness';

type Kind = 'js' | 'wasm' | 'data' | 'html' | 'css' | 'other';
const kindOf = (path: string, type: string): Kind =>
	type === 'document' || path.endsWith('.html')
		? 'html'
		: /\.m?js$/.test(path)
			? 'js'
			: path.endsWith('.wasm')
				? 'wasm'
				: /\.(parquet|bin|json|csv)$/.test(path)
					? 'data'
					: path.endsWith('.css')
						? 'css'
						: 'other';

export async function bytesByKind(browser: Browser, base: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const seen: Promise<{ path: string; kind: Kind; raw: number; gzip: number } | null>[] = [];
	context.on('response', (r) =>
		seen.push(
			r.body().then(
				(body) => {
					const path = new URL(r.url()).pathname;
					return {
						path,
						kind: kindOf(path, r.request().resourceType()),
						raw: body.length,
						gzip: gzipSync(body).length
					};
				},
				() => null
			)
		)
	);
	await page.goto(`${base}/`);
	await engineSettled(page);
	await page.waitForLoadState('networkidle');
	// JS the page asked for once the engine started: DuckDB-WASM's glue and worker, Arrow, parquet-wasm's glue.
	const engineJs = (await page.evaluate(`(() => {
		const start = performance.getEntriesByName('duckdb:start')[0]?.startTime ?? Infinity;
		return performance.getEntriesByType('resource').filter((e) => e.startTime >= start && /\\.m?js$/.test(new URL(e.name).pathname)).map((e) => new URL(e.name).pathname);
	})()`)) as string[];
	await context.close();
	const files = (await Promise.all(seen)).filter((f) => f !== null);
	const engine = new Set(engineJs);
	// DuckDB's wasm is fetched by its own worker, which Playwright does not always report: from the build.
	if (engineJs.length > 0 && !files.some((f) => f.path.includes('duckdb-eh'))) {
		const dir = `${BUILD}/_app/immutable/assets`;
		const name = readdirSync(dir).find((f) => /^duckdb-eh\..*\.wasm$/.test(f))!;
		const body = readFileSync(join(dir, name));
		files.push({
			path: `/_app/immutable/assets/${name}`,
			kind: 'wasm',
			raw: body.length,
			gzip: gzipSync(body).length
		});
	}
	const total = (pick: (f: (typeof files)[number]) => boolean) => {
		const chosen = files.filter(pick);
		return {
			files: chosen.length,
			raw: chosen.reduce((n, f) => n + f.raw, 0),
			gzip: chosen.reduce((n, f) => n + f.gzip, 0)
		};
	};
	const kinds = Object.fromEntries(
		(['js', 'wasm', 'data', 'html', 'css', 'other'] as const).map((k) => [k, total((f) => f.kind === k)])
	);
	return {
		kinds,
		homeJs: total((f) => f.kind === 'js'),
		homeJsBeforeEngine: total((f) => f.kind === 'js' && !engine.has(f.path)),
		engineJs: total((f) => f.kind === 'js' && engine.has(f.path)),
		largestJs: files
			.filter((f) => f.kind === 'js')
			.sort((a, b) => b.gzip - a.gzip)
			.slice(0, 8)
			.map((f) => ({ path: f.path, gzip: f.gzip, engine: engine.has(f.path) }))
	};
}

/** The built HTML pages: count, the largest, and the two the issue names. */
export function htmlSizes() {
	const pages = readdirSync(BUILD, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.html'))
		.map((f) => ({ path: f, bytes: statSync(join(BUILD, f)).size }))
		.sort((a, b) => b.bytes - a.bytes);
	const size = (path: string) => pages.find((p) => p.path === path)?.bytes ?? null;
	return {
		pages: pages.length,
		largest: pages.slice(0, 3),
		home: size('index.html'),
		ileDeFrance: size('arml/ile-de-france.html')
	};
}
