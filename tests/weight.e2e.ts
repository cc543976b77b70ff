/**
 * The weight of the built site (issue 12, point 4), checked on `build/` after `npm run build`:
 * each WebAssembly module is shipped once (parquet-wasm was shipped twice, once for the page and
 * once for the import worker); the home page's JavaScript, all of it, stays within 300 KB gzip;
 * a reader never loads DuckDB-WASM, parquet-wasm or the import worker (every view reads the cube);
 * no prerendered page is over 1 MB.
 */
import { expect, test } from './fixture';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { gotoHydrated, waitForChart } from './a11y';
import { follow, navigate } from './navigation';

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

/** What only DuckDB-WASM (and the import, which runs on it) fetches: its worker and wasm, parquet-wasm, the import worker. */
const ENGINE = /duckdb|parquet_wasm|\/workers\//;

test('the home page loads at most 300 KB of JavaScript in all (gzip, until the network is idle), and nothing of the engine', async ({
	page
}) => {
	const sizes = new Map<string, Promise<number>>();
	const requested: string[] = [];
	page.on('request', (r) => requested.push(new URL(r.url()).pathname));
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
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
	await page.waitForLoadState('networkidle');
	// Every script the page asked for, whoever asked: the page's own, and anything started after it.
	const bytes = (await Promise.all(sizes.values())).reduce((a, b) => a + b, 0);
	expect(bytes).toBeGreaterThan(50_000);
	expect(bytes).toBeLessThanOrEqual(300 * 1024);
	expect(requested.filter((path) => ENGINE.test(path))).toEqual([]);
	await expect(page.getByText('Moteur de calcul en veille')).toBeVisible();
});

test('a reader who goes through every reading page, changing filters, never requests DuckDB-WASM', async ({
	page
}) => {
	test.slow();
	const requested: string[] = [];
	page.on('request', (r) => requested.push(new URL(r.url()).pathname));
	const filter = (label: string) => page.getByRole('form', { name: 'Filtres' }).getByLabel(label);
	/** A plan section (its region carries the key of what it shows). */
	const section = (name: string | RegExp) => page.getByRole('region', { name, exact: true });

	await gotoHydrated(page, '/');
	await filter('Phase').selectOption('audit');
	await waitForChart(page, /^Maturité par critère/, /phase=audit@demo-0/);

	await navigate(page, 'ARML');
	await follow(
		page,
		page.getByRole('link', { name: 'ARML Bretagne', exact: true }),
		/\/arml\/bretagne$/,
		'ARML Bretagne'
	);
	await filter('Campagne').selectOption('2024');
	await waitForChart(page, /^Maturité des Missions Locales/, /campagne=2024/);
	await expect(section('Plans d’amélioration')).toHaveAttribute(
		'data-ready',
		/arml-uncovered:bretagne:.*:2024:/
	);

	// The new page's filter bar, not the one of the page being left.
	await navigate(page, 'Critères');
	await filter('Phase').selectOption('audit');
	await expect(section(/^6\. Plans d’amélioration\s: où agit-on\s\?$/)).toHaveAttribute(
		'data-ready',
		/^criteria-plans:audit:.*@demo-0$/
	);

	const search = page.getByRole('search', { name: 'Recherche d’une Mission Locale' });
	await search.getByRole('searchbox').fill('Épinal');
	await search.getByRole('link').first().click();
	await expect(section('Plan d’amélioration et constats d’audit')).toHaveAttribute(
		'data-ready',
		/ml-actions:/
	);
	await waitForChart(page, /^Score par critère/, /^ml-scores:/);

	for (const name of ['Référentiel', 'Méthodologie', 'Vue nationale']) await navigate(page, name);
	await waitForChart(page, /^Maturité par critère/, /@demo-0/);
	await page.waitForLoadState('networkidle');
	expect(requested.filter((path) => ENGINE.test(path))).toEqual([]);
	await expect(page.getByText('Moteur de calcul en veille')).toBeVisible();
});
