import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES_DIR, registeredPath } from './lockdown';
import type { Database } from './types';
import { openWasmNodeDatabase } from './wasmNode';

// The browser's engine (DuckDB-WASM 1.4.3, Node build), locked exactly as in the browser.
let db: Database;

beforeAll(async () => {
	db = await openWasmNodeDatabase();
	await db.exec('CREATE TABLE t AS SELECT 1 AS a');
}, 60_000);

afterAll(() => db.close());

const run = (sql: string) => db.query({ sql, params: [] });
const setting = async (name: string) =>
	(await db.query<{ v: unknown }>({ sql: 'SELECT current_setting(?) AS v', params: [name] }))[0].v;

describe('locked DuckDB-WASM', () => {
	it('still reads the files the app registers, one after another', async () => {
		for (const name of ['first.csv', 'second.csv']) {
			const path = await db.registerText(name, 'x;y\n1;2\n');
			expect(path.startsWith(FILES_DIR)).toBe(true);
			expect(await run(`SELECT * FROM read_csv('${path}')`)).toEqual([{ x: 1, y: 2 }]);
		}
	});

	it.each([
		['a URL', "SELECT * FROM read_csv('https://example.com/x.csv')"],
		['a local file', "SELECT * FROM read_text('/etc/passwd')"],
		['a path escaping the registered directory', `SELECT * FROM read_text('${FILES_DIR}../etc/passwd')`],
		['a file listing', "SELECT * FROM glob('/*')"],
		['ATTACH of a file', "ATTACH 'other.duckdb' AS other"],
		['COPY … TO a file', "COPY t TO 'out.csv'"],
		['COPY … TO a URL', "COPY t TO 'https://example.com/out.csv'"],
		['EXPORT DATABASE', "EXPORT DATABASE 'dump'"]
	])('refuses %s', async (_what, statement) => {
		await expect(run(statement)).rejects.toThrow(/Permission Error/);
	});

	it('refuses to load any extension, by name or by URL', async () => {
		await expect(run('LOAD httpfs')).rejects.toThrow(/Loading external extensions is disabled/);
		await expect(run("LOAD 'https://example.com/x.duckdb_extension'")).rejects.toThrow(/Permission Error/);
	});

	it('lets INSTALL do nothing: no request, no file, no extension loaded, its settings locked', async () => {
		// No DuckDB 1.4.3 setting refuses INSTALL in DuckDB-WASM: `enable_external_access = false`
		// refuses it in native DuckDB only because there it writes the extension's file; DuckDB-WASM's
		// INSTALL returns before any file or network access (its extensions are fetched by LOAD, refused).
		const requests: string[] = [];
		const server = createServer((req, res) => {
			requests.push(req.url ?? '');
			res.end();
		});
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		try {
			for (const statement of [
				'INSTALL httpfs',
				'INSTALL spatial FROM community',
				`INSTALL httpfs FROM '${origin}'`,
				`FORCE INSTALL json FROM '${origin}'`,
				`INSTALL '${origin}/x.duckdb_extension'`
			])
				await run(statement);
			const loaded = await run(
				"SELECT extension_name FROM duckdb_extensions() WHERE loaded AND extension_name <> 'core_functions'"
			);
			expect(loaded).toEqual([]);
			// Where INSTALL and LOAD would look cannot be changed either.
			for (const statement of [
				`SET custom_extension_repository = '${origin}'`,
				"SET extension_directory = '/tmp'"
			])
				await expect(run(statement)).rejects.toThrow(/locked/);
			await expect(run('LOAD json')).rejects.toThrow(/disabled/);
		} finally {
			server.close();
		}
		expect(requests).toEqual([]);
	});

	it.each([
		'SET enable_external_access = true',
		'RESET enable_external_access',
		'SET GLOBAL enable_external_access = true',
		"SET allowed_directories = ['/']",
		'SET autoload_known_extensions = true',
		'PRAGMA threads = 1'
	])('keeps its configuration locked against %s', async (statement) => {
		await expect(run(statement)).rejects.toThrow(/locked|Cannot change/);
		expect(await setting('enable_external_access')).toBe(false);
	});

	it('registers names without a way out of its directory', () => {
		for (const name of ['../../etc/passwd', 'a/../../b.csv', 'x\\..\\y', 'évaluations 2024.csv']) {
			const rest = registeredPath(name).slice(FILES_DIR.length);
			expect(registeredPath(name).startsWith(FILES_DIR)).toBe(true);
			expect(rest).not.toMatch(/\/|\\|\.\./);
		}
		expect(registeredPath('évaluations 2024.csv')).toBe(`${FILES_DIR}_valuations_2024.csv`);
	});
});
