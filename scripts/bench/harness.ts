/**
 * What the browser benchmarks share: a static server of `build/` (the files as a plain host serves
 * them, prerendered pages by their path) that also serves the floor page, headless Chromium, and
 * the statistics. The floor is a bare DuckDB-WASM page on the project's own eh bundle (the wasm
 * and worker of `build/`) answering `SELECT 42`: every figure is also given as a ratio to it,
 * measured in the same run, because these 2-core machines are shared and noisy.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

export const BUILD = process.env.BENCH_BUILD ?? 'build';
export const QUICK = process.env.BENCH_QUICK === '1';
/** Cold runs per figure (each figure is their median). */
export const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 3));
/** Filter changes per page and run (p50 and p95 are taken over all of them). */
export const CHANGES = Number(process.env.BENCH_CHANGES ?? (QUICK ? 6 : 20));

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.wasm': 'application/wasm',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.parquet': 'application/octet-stream',
	'.bin': 'application/octet-stream'
};

/** The project's eh bundle, as built (`build/_app/immutable/assets/`). */
function ehBundle(): { wasm: string; worker: string } {
	const dir = `${BUILD}/_app/immutable/assets`;
	const files = readdirSync(dir);
	const find = (re: RegExp) => {
		const f = files.find((name) => re.test(name));
		if (!f) throw new Error(`no ${re} in ${dir}: run \`npm run build\``);
		return `/_app/immutable/assets/${f}`;
	};
	return { wasm: find(/^duckdb-eh\..*\.wasm$/), worker: find(/^duckdb-browser-eh\.worker\..*\.js$/) };
}

/** Bundles the floor page (DuckDB-WASM's own API, nothing of the app) into a temporary folder. */
async function floorFiles(): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
	const { wasm, worker } = ehBundle();
	writeFileSync(
		join(dir, 'entry.js'),
		`import * as duckdb from '@duckdb/duckdb-wasm';
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(${JSON.stringify(worker)}));
		await db.instantiate(${JSON.stringify(wasm)});
		await db.open({ query: { castBigIntToDouble: true } });
		const c = await db.connect();
		const answer = (await c.query('SELECT 42 AS answer')).toArray()[0].answer;
		window.floor = { ms: performance.now(), answer };`
	);
	await build({
		entryPoints: [join(dir, 'entry.js')],
		bundle: true,
		format: 'esm',
		minify: true,
		outfile: join(dir, 'floor.js'),
		nodePaths: [join(process.cwd(), 'node_modules')],
		logLevel: 'error'
	});
	writeFileSync(
		join(dir, 'index.html'),
		'<!doctype html><meta charset="utf-8"><title>floor</title><script type="module" src="/__floor/floor.js"></script>'
	);
	return dir;
}

/**
 * Serves `build/` (or the built copy `site`) on `port` (BENCH_PORT, 4190 by default), and the floor
 * page at `/__floor/`.
 */
export async function serve(port = Number(process.env.BENCH_PORT ?? 4190), site = BUILD) {
	if (!existsSync(`${site}/index.html`)) throw new Error(`${site}/ is missing: run \`npm run build\` first`);
	const floorDir = await floorFiles();
	const resolve = (pathname: string): string | null => {
		const [root, rest] = pathname.startsWith('/__floor/')
			? [floorDir, pathname.slice('/__floor/'.length)]
			: [site, pathname.slice(1)];
		const base = normalize(join(root, decodeURIComponent(rest)));
		if (!base.startsWith(normalize(root))) return null;
		for (const candidate of [base, `${base}.html`, join(base, 'index.html')])
			if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
		return null;
	};
	const server = createServer((req, res) => {
		const file = resolve(new URL(req.url ?? '/', 'http://x').pathname);
		if (!file) return void res.writeHead(404).end();
		res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
		res.end(readFileSync(file));
	});
	await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, ok));
	return {
		base: `http://localhost:${port}`,
		close: () => {
			server.closeAllConnections();
			server.close();
			rmSync(floorDir, { recursive: true, force: true });
		}
	};
}

export function launch(): Promise<Browser> {
	const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
	return chromium.launch({
		executablePath,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--enable-precise-memory-info'
		]
	});
}

/** Milliseconds from navigation start until the floor page answered `SELECT 42`. */
export async function floor(browser: Browser, base: string): Promise<number> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${base}/__floor/`);
	const { ms, answer } = (await page
		.waitForFunction('window.floor', null, { timeout: 120_000 })
		.then((h) => h.jsonValue())) as { ms: number; answer: number };
	await context.close();
	if (answer !== 42) throw new Error(`floor page answered ${answer}`);
	return ms;
}

export const median = (xs: number[]) => quantile(xs, 0.5);

/** Nearest-rank quantile (p95 of 20 values is the 19th). */
export function quantile(xs: number[], q: number): number {
	if (xs.length === 0) return NaN;
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Waits for « Moteur de calcul prêt » (false if the engine did not start within `timeout`). */
export async function engineReady(page: Page, timeout = 120_000): Promise<boolean> {
	return page
		.getByText('Moteur de calcul prêt')
		.waitFor({ timeout })
		.then(() => true)
		.catch(() => false);
}

/**
 * Waits until the page's views no longer wait for DuckDB-WASM: the engine is ready, or the page
 * has hydrated without starting it (a page that only reads the cube never does). False if neither
 * within `timeout`.
 */
export async function engineSettled(page: Page, timeout = 120_000): Promise<boolean> {
	return page
		.locator('html[data-hydrated] :is([data-engine="ready"], [data-engine="idle"])')
		.waitFor({ timeout })
		.then(() => true)
		.catch(() => false);
}

/**
 * Imports `files` through the « Données » page as a user does (pick, report, « Importer ») and
 * resolves with the page's own times (ms): pick → report, « Importer » → kept in this browser.
 */
export async function importFiles(page: Page, base: string, files: string[]) {
	await page.goto(`${base}/donnees`);
	await page.locator('html[data-hydrated]').waitFor();
	if (!(await engineReady(page))) throw new Error('the engine did not start on /donnees');
	await page.locator('[data-import="warm"]').waitFor({ timeout: 120_000 });
	await page.evaluate(`(() => {
		const at = (window.importAt = {});
		document.addEventListener('change', (e) => { if (e.target.matches('input[type=file]')) at.pick ??= performance.now(); }, true);
		document.addEventListener('click', (e) => { if (e.target.closest('button.primary')) at.click ??= performance.now(); }, true);
		new MutationObserver(() => {
			const now = performance.now();
			if (!at.report && [...document.querySelectorAll('h2, h3')].some((h) => h.textContent.includes('Rapport de contrôle'))) at.report = now;
			if (at.click && !at.saved && /Données\\s+conservées dans ce navigateur/.test(document.body.textContent)) at.saved = now;
		}).observe(document, { childList: true, subtree: true, characterData: true });
	})()`);
	await page.getByLabel('Choisir des fichiers CSV ou Parquet').setInputFiles(files);
	await page.getByRole('heading', { name: 'Rapport de contrôle' }).waitFor({ timeout: 600_000 });
	await page.getByRole('button', { name: 'Importer comme nouveau jeu de données' }).click();
	await page.getByText('Données conservées dans ce navigateur').waitFor({ timeout: 600_000 });
	const at = (await page.evaluate('window.importAt')) as Record<string, number>;
	return { validate: at.report - at.pick, commitAndKeep: at.saved - at.click, total: at.saved - at.pick };
}
