/**
 * The scale-10 import's CPU per step and per statement, in Node, on the browser's engine
 * (DuckDB-WASM's blocking Node build: one thread, like the page's eh bundle; Parquet decoded by
 * parquet-wasm and inserted as Arrow, as the page does it), no browser: the six
 * files of `data/scale-10/` (`npm run data -- --scale 10`) validated (`prepareImport`), committed
 * (`commitImport`) and the cube built (`buildCube`), as the import worker does. Each statement's
 * CPU time (this process, user + system) is summed by step; the slowest statements are listed.
 * The machine's load barely moves CPU time, unlike wall-clock time.
 *   npx tsx scripts/bench/importCpu.ts [--engine wasm|node] [--top N] [--dir data/scale-10] [--no-cube] [--split]
 * `--split`: each check of a file (one `INSERT … UNION ALL …`) is also run and timed on its own.
 * `--base REV`: no import; the tables loaded as they are, then the cube built by revision REV's
 * `cube/build.ts` and queries and by the working tree's, twice each, CPU per statement, and
 * whether both cubes are the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Table } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { buildCube } from '../../src/lib/cube/build';
import { encodeCube } from '../../src/lib/cube/codec';
import { arrowColumns } from '../../src/lib/db/columns';
import { arrowRows } from '../../src/lib/db/arrowRows';
import { loadDemoTables, loadFoundations } from '../../src/lib/db/dataset';
import { openNodeDatabase } from '../../src/lib/db/node';
import { openWasmNodeBindings } from '../../src/lib/db/wasmNode';
import { createEmptyTables } from '../../src/lib/db/schema';
import { ident } from '../../src/lib/db/sql';
import type { Database, Query } from '../../src/lib/db/types';
import { TABLES } from '../../src/lib/data/contract';
import { ImportDatabase } from '../../src/lib/import/importDatabase';
import { commitImport, prepareImport, type BatchFile } from '../../src/lib/import/importer';

const { values: args } = parseArgs({
	options: {
		engine: { type: 'string', default: 'wasm' },
		top: { type: 'string', default: '12' },
		dir: { type: 'string', default: 'data/scale-10' },
		'no-cube': { type: 'boolean', default: false },
		split: { type: 'boolean', default: false },
		base: { type: 'string' }
	}
});

type Bindings = {
	instantiate(): Promise<unknown>;
	open(config: object): void;
	connect(): {
		query(sql: string): Table;
		insertArrowFromIPCStream(buffer: Uint8Array, options: object): void;
		prepare(sql: string): { query(...p: unknown[]): Table; close(): void };
	};
	registerFileText(name: string, text: string): void;
	registerFileBuffer(name: string, bytes: Uint8Array): void;
	dropFile(name: string): void;
	reset(): void;
};

/** DuckDB-WASM's Node build, Parquet read by DuckDB itself (the page decodes it with parquet-wasm). */
async function openWasm(): Promise<Database> {
	const db = await openWasmNodeBindings<Bindings>();
	const conn = db.connect();
	let files = 0;
	const run = (sql: string, params: Query['params']): Table => {
		if (params.length === 0) return conn.query(sql);
		const s = conn.prepare(sql);
		try {
			return s.query(...params);
		} finally {
			s.close();
		}
	};
	return {
		query: async <T extends object>({ sql, params }: Query) => arrowRows<T>(run(sql, params)),
		columns: async ({ sql, params }: Query) => arrowColumns(run(sql, params)),
		exec: async (sql: string) => void conn.query(sql),
		async registerText(name: string, text: string) {
			const path = `f${files++}-${name}`;
			db.registerFileText(path, text);
			return path;
		},
		async loadParquet(name: string, bytes: Uint8Array) {
			conn.query(`DROP TABLE IF EXISTS ${ident(name)}`);
			conn.insertArrowFromIPCStream(readParquet(bytes).intoIPCStream(), { name, create: true });
		},
		toParquet: async () => new Uint8Array(0),
		openConsole: async () => {
			throw new Error('no console');
		},
		close: async () => db.reset()
	} as Database;
}

const cpu = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1000;
};

type Stat = { sql: string; step: string; cpu: number; wall: number };
const stats: Stat[] = [];
let step = 'setup';

/** With `--split`, each check of a file's `INSERT … UNION ALL …` is also run and timed on its own. */
async function splitChecks(db: Database, q: Query): Promise<void> {
	const m = /^INSERT INTO "staging_\d+_\d+_issues" ([\s\S]*)$/.exec(q.sql);
	if (!args.split || !m || db !== inner) return;
	let at = 0;
	for (const part of m[1].split(' UNION ALL ')) {
		const n = (part.match(/\?/g) ?? []).length;
		const params = q.params.slice(at, at + n);
		at += n;
		const [c] = [cpu()];
		await db.query({ sql: `SELECT count(*) FROM (${part})`, params });
		stats.push({ sql: `[check] ${part}`, step, cpu: cpu() - c, wall: 0 });
	}
}

/** Times every statement, by step. */
function timed(db: Database): Database {
	const wrap =
		<A extends unknown[], R>(f: (...a: A) => Promise<R>, text: (...a: A) => string) =>
		async (...a: A): Promise<R> => {
			const [c, w] = [cpu(), performance.now()];
			try {
				return await f(...a);
			} finally {
				stats.push({ sql: text(...a), step, cpu: cpu() - c, wall: performance.now() - w });
			}
		};
	return {
		...db,
		query: async <T extends object>(q: Query) => {
			await splitChecks(db, q);
			return wrap(db.query.bind(db), (q: Query) => q.sql)(q) as Promise<T[]>;
		},
		columns: db.columns && wrap(db.columns.bind(db), (q: Query) => q.sql),
		exec: wrap(db.exec.bind(db), (s: string) => s),
		loadParquet: wrap(db.loadParquet.bind(db), (name: string, _bytes: Uint8Array) => `loadParquet ${name}`),
		registerText: db.registerText.bind(db),
		toParquet: db.toParquet.bind(db),
		openConsole: db.openConsole?.bind(db),
		close: db.close.bind(db)
	} as Database;
}

const inner = args.engine === 'node' ? await openNodeDatabase() : await openWasm();
await loadFoundations(inner, async (path) => new Uint8Array(readFileSync(join('data', path))));
await createEmptyTables(
	inner,
	TABLES.map((t) => t.name)
);
if (args.base) {
	// The cube of revision `base` (its build.ts and queries), written beside the working tree's.
	const git = (path: string) => execFileSync('git', ['show', `${args.base}:${path}`], { encoding: 'utf8' });
	const files = ['src/lib/cube/base_tmp_build.ts', 'src/lib/db/queries/base_tmp_cube.ts'];
	writeFileSync(
		files[0],
		git('src/lib/cube/build.ts').replace("'../db/queries/cube'", "'../db/queries/base_tmp_cube'")
	);
	writeFileSync(files[1], git('src/lib/db/queries/cube.ts'));
	try {
		const written = '../../src/lib/cube/base_tmp_build';
		const { buildCube: buildBase } = (await import(written)) as typeof import('../../src/lib/cube/build');
		await loadDemoTables(inner, async (path) => new Uint8Array(readFileSync(join(args.dir!, path))));
		const out: Record<string, Uint8Array> = {};
		const builds = [
			['base', buildBase],
			['new', buildCube],
			['base2', buildBase],
			['new2', buildCube]
		] as const;
		for (const [name, build] of builds) {
			step = name;
			const c = cpu();
			out[name] = await encodeCube(await build(timed(inner)));
			console.log(name, 'cpu', Math.round(cpu() - c), 'bytes', out[name].length);
		}
		const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
		console.log('same bytes:', same(out.base, out.new) && same(out.base2, out.new2));
		for (const s of [...stats].sort((a, b) => b.cpu - a.cpu).slice(0, Number(args.top)))
			console.log(
				`${Math.round(s.cpu).toString().padStart(6)} ms  ${s.step.padEnd(8)} ${s.sql.replace(/\s+/g, ' ').slice(0, 200)}`
			);
	} finally {
		files.forEach((f) => rmSync(f));
	}
	process.exit(0);
}
const db = new ImportDatabase(timed(inner));
const files: BatchFile[] = TABLES.map(({ name }) => ({
	name: `${name}.parquet`,
	bytes: new Uint8Array(readFileSync(join(args.dir!, `${name}.parquet`))),
	table: name,
	encoding: null,
	rows: 0
}));

const steps: Record<string, { cpu: number; wall: number }> = {};
async function measure<T>(name: string, run: () => Promise<T>): Promise<T> {
	step = name;
	const [c, w] = [cpu(), performance.now()];
	const out = await run();
	steps[name] = { cpu: cpu() - c, wall: performance.now() - w };
	return out;
}
const prepared = await measure('validate', () => prepareImport(db, files, 'new'));
console.log(`report: ${prepared.shown.errors} errors, ${prepared.shown.warnings} warnings`);
const outcome = await measure('commit', () => commitImport(db, prepared, { excludeErrorRows: true }));
console.log('tables:', JSON.stringify(outcome.tables));
if (!args['no-cube']) await measure('cube', () => buildCube(timed(inner)));
for (const [name, s] of Object.entries(steps))
	console.log(
		`${name.padEnd(10)} cpu ${Math.round(s.cpu).toString().padStart(6)} ms   wall ${Math.round(s.wall)} ms`
	);
const top = [...stats].sort((a, b) => b.cpu - a.cpu).slice(0, Number(args.top));
for (const s of top)
	console.log(
		`${Math.round(s.cpu).toString().padStart(6)} ms  ${s.step.padEnd(8)} ${s.sql.replace(/\s+/g, ' ').slice(0, 260)}`
	);
await inner.close();
