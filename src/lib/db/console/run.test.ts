import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDatabase } from '../testing/fixture';
import { SMALL_NETWORK } from '../testing/network';
import type { ConsoleEngine, Database } from '../types';
import { openWasmNodeDatabase } from '../wasmNode';
import { EXAMPLES } from './examples';
import { ConsoleRefusal } from './guard';
import { runReadOnly, schemaQuery, type SchemaRow } from './run';

// The console on the browser's engine (DuckDB-WASM's Node build, locked as in the browser).
let db: Database;
let engine: ConsoleEngine;
let evaluations: number;

const count = async () =>
	(await db.query<{ n: number }>({ sql: 'SELECT count(*)::INTEGER AS n FROM evaluations', params: [] }))[0].n;

beforeAll(async () => {
	db = await fixtureDatabase(SMALL_NETWORK, openWasmNodeDatabase);
	engine = await db.openConsole!();
	evaluations = await count();
}, 60_000);

afterAll(async () => {
	await engine.close();
	await db.close();
});

/** The French message the console gives for a text it does not run. */
async function refusal(text: string): Promise<string> {
	const error = await runReadOnly(engine, text).then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ConsoleRefusal);
	return (error as ConsoleRefusal).message;
}

describe('analysts’ console', () => {
	it('runs a query and keeps its order, with column names and types', async () => {
		const result = await runReadOnly(
			engine,
			'SELECT ml_id, count(*)::INTEGER AS n FROM evaluations GROUP BY ml_id ORDER BY ml_id DESC'
		);
		expect(result.columns).toEqual([
			{ name: 'ml_id', type: 'VARCHAR' },
			{ name: 'n', type: 'INTEGER' }
		]);
		expect(result.rows.map((r) => r.ml_id)).toEqual(['B2', 'B1', 'A3', 'A2', 'A1']);
		expect(result.truncated).toBe(false);
	});

	it('names types as DuckDB does and keeps dates, timestamps and counts exact', async () => {
		const result = await runReadOnly(
			engine,
			"SELECT DATE '2025-12-31' AS d, TIMESTAMP '2025-12-31 14:03:05.5' AS ts, TIME '10:00:30' AS t, count(*) AS n, 1234567.891::DOUBLE AS x, 97.4 AS y FROM evaluations"
		);
		expect(result.columns.map((c) => c.type)).toEqual([
			'DATE',
			'TIMESTAMP',
			'TIME',
			'BIGINT',
			'DOUBLE',
			'DECIMAL(3,1)'
		]);
		expect(result.rows).toEqual([
			{ d: '2025-12-31', ts: '2025-12-31 14:03:05.5', t: '10:00:30', n: evaluations, x: 1234567.891, y: 97.4 }
		]);
	});

	it('suggests no internal catalogue table for an unknown one', async () => {
		const unknown = await refusal('SELECT * FROM nope');
		expect(unknown).toMatch(/^La table « nope » n’existe pas\./);
		expect(unknown).not.toMatch(/pg_|duckdb_/);
		expect(await refusal('SELECT * FROM evaluation')).toContain('Vouliez-vous dire « evaluations » ?');
	});

	it('gives decimals their value, not Arrow’s unscaled integer', async () => {
		const result = await runReadOnly(engine, 'SELECT 2.5 AS a, -0.125 AS b, NULL::DECIMAL(4,2) AS c');
		expect(result.rows).toEqual([{ a: 2.5, b: -0.125, c: null }]);
	});

	it('accepts a final semicolon, comments, and semicolons inside strings and comments', async () => {
		const result = await runReadOnly(engine, "/* ; */ SELECT ';' AS s -- ; fin\n;\n-- fin");
		expect(result.rows).toEqual([{ s: ';' }]);
	});

	it('stops at the row limit and says so', async () => {
		const result = await runReadOnly(engine, 'SELECT * FROM range(10)', { rowLimit: 4 });
		expect(result.rows).toHaveLength(4);
		expect(result.table.numRows).toBe(4);
		expect(result.truncated).toBe(true);
	});

	it.each([
		["ATTACH 'autre.duckdb' AS autre", 'Refusé : ATTACH ouvrirait une autre base de données'],
		["COPY evaluations TO 'sortie.csv'", 'Refusé : COPY lirait ou écrirait un fichier'],
		['INSTALL httpfs', 'Refusé : INSTALL installerait une extension'],
		['/* ; */ install httpfs', 'Refusé : INSTALL installerait une extension'],
		["FORCE INSTALL httpfs FROM 'http://127.0.0.1:9'", 'Refusé : FORCE installerait une extension'],
		["LOAD 'https://example.com/x.duckdb_extension'", 'Refusé : LOAD chargerait une extension'],
		// A read's first word, then something else: DuckDB's parser refuses the wrapped text.
		['(INSTALL httpfs)', 'Erreur de syntaxe'],
		['WITH a AS (SELECT 1) INSTALL httpfs', 'Erreur de syntaxe'],
		["FROM evaluations; ATTACH 'x.duckdb'", 'Une seule requête à la fois.'],
		['LOAD httpfs', 'Refusé : LOAD chargerait une extension'],
		['SET threads = 1', 'Refusé : SET changerait la configuration du moteur'],
		['PRAGMA version', 'Refusé : PRAGMA changerait la configuration du moteur'],
		['DROP TABLE evaluations', 'Refusé : DROP modifierait les données'],
		['delete from evaluations', 'Refusé : DELETE modifierait les données'],
		['INSERT INTO evaluations SELECT * FROM evaluations', 'Refusé : INSERT modifierait les données'],
		["EXPORT DATABASE 'x'", 'Refusé : EXPORT écrirait des fichiers'],
		['SELECT 1; DROP TABLE evaluations', 'Une seule requête à la fois.'],
		['SELECT 1) AS z; DROP TABLE evaluations; SELECT * FROM (SELECT 1', 'Une seule requête à la fois.'],
		["SELECT 'é' AS x; DROP TABLE evaluations", 'Une seule requête à la fois.'],
		['SELECT 1;\n-- puis\n;DELETE FROM evaluations', 'Une seule requête à la fois.'],
		['  -- rien\n', 'Écrivez une requête'],
		['GRANT ALL', 'Refusé : « GRANT » ne commence pas une requête de lecture.']
	])('refuses %j in French, before DuckDB runs anything', async (text, message) => {
		expect(await refusal(text)).toContain(message);
		expect(await count()).toBe(evaluations);
	});

	it.each([
		["SELECT * FROM read_csv('https://example.com/x.csv')", 'Accès refusé'],
		["SELECT * FROM read_text('/etc/passwd')", 'Accès refusé'],
		["SELECT * FROM query('DROP TABLE evaluations')", 'Erreur du moteur'],
		['SELECT 1) --', 'Erreur de syntaxe près de « ) »'],
		['SELECT * FROM evaluation', 'La table « evaluation » n’existe pas. Vouliez-vous dire « evaluations » ?'],
		['SELECT niveaux FROM evaluations', 'La colonne « niveaux » n’existe pas']
	])('lets the locked engine refuse %j, readably', async (text, message) => {
		expect(await refusal(text)).toContain(message);
		expect(await count()).toBe(evaluations);
	});

	it('lists the tables and columns of the active dataset', async () => {
		const schema = await db.query<SchemaRow>(schemaQuery());
		const tables = new Set(schema.map((r) => r.table_name));
		for (const name of ['evaluations', 'missions_locales', 'criteria', 'departements'])
			expect(tables).toContain(name);
		expect(schema).toContainEqual({ table_name: 'evaluations', column_name: 'niveau', data_type: 'INTEGER' });
	});

	it.each(EXAMPLES.map((e) => [e.id, e.sql]))('runs the worked example %s', async (_id, sql) => {
		const result = await runReadOnly(engine, sql);
		expect(result.columns.length).toBeGreaterThan(1);
	});
});
