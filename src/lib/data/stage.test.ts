import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReferenceTables } from '../../../tests/fixtures/references';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { LIMITS } from './limits';
import { openFile, UnreadableFile } from './stage';
import { validateFiles } from './validate';

let db: Database;
beforeEach(async () => {
	db = await openNodeDatabase();
	await createReferenceTables(db);
});
afterEach(() => db.close());

const bytes = (text: string) => new TextEncoder().encode(text);
const csv = (name: string, text: string) => ({ name, bytes: bytes(text) });

/** A Parquet file written by DuckDB from `select`. */
async function parquet(select: string, name = 'evaluations.parquet') {
	const path = join(mkdtempSync(join(tmpdir(), 'stage-')), name);
	await db.exec(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
	return { name, bytes: new Uint8Array(readFileSync(path)) };
}

/** Why `openFile` refuses a file, or null when it opens it. */
async function refusal(file: { name: string; bytes: Uint8Array; refused?: string }): Promise<string | null> {
	try {
		await openFile(db, 'staging_t_1', file);
		return null;
	} catch (e) {
		expect(e).toBeInstanceOf(UnreadableFile);
		return (e as Error).message;
	}
}

const tableNames = async () =>
	(
		await db.query<{ name: string }>({
			sql: 'SELECT table_name AS name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal',
			params: []
		})
	)
		.map((t) => t.name)
		.sort();

describe('openFile', () => {
	it('refuses a CSV header beyond the column limit, naming both counts, and opens one at the limit', async () => {
		const header = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(';');
		expect(await refusal(csv('large.csv', `${header(LIMITS.columns + 1)}\n`))).toBe(
			'l’en-tête compte 1\u202f001 colonnes, au-delà de la limite de 1\u202f000 : vérifiez que c’est un CSV, séparé par des virgules ou des points-virgules'
		);
		expect(await refusal(csv('large.csv', `${header(LIMITS.columns)}\n`))).toBeNull();
	});

	it('refuses a Parquet file beyond the column limit, and opens one at the limit', async () => {
		const select = (n: number) => `SELECT ${Array.from({ length: n }, (_, i) => `${i} AS c${i}`).join(', ')}`;
		expect(await refusal(await parquet(select(LIMITS.columns + 1)))).toBe(
			'le fichier compte 1\u202f001 colonnes, au-delà de la limite de 1\u202f000'
		);
		expect(await refusal(await parquet(select(LIMITS.columns)))).toBeNull();
	});

	it('refuses a file its caller refused, a workbook, and a Parquet file whose body is not Parquet', async () => {
		expect(await refusal({ ...csv('e.csv', 'ml_id\n'), refused: 'trop lourd' })).toBe('trop lourd');
		expect(await refusal({ name: 'e.csv', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) })).toBe(
			'c’est un classeur (Excel, LibreOffice) : enregistrez-le au format CSV'
		);
		const fake = bytes('PAR1 ceci n’est pas du Parquet PAR1');
		expect(await refusal({ name: 'e.parquet', bytes: fake })).toMatch(/^fichier Parquet illisible \(.+\)$/);
	});

	it('opens a Parquet file with its columns’ names and types, and no text, dialect or encoding', async () => {
		const file = await parquet(`SELECT 'ML-01-01' AS ml_id, 2024::INTEGER AS campagne`);
		expect(await openFile(db, 'staging_t_1', file)).toEqual({
			kind: 'parquet',
			encoding: null,
			delimiter: null,
			decimalSeparator: null,
			header: ['ml_id', 'campagne'],
			types: ['VARCHAR', 'INTEGER'],
			text: null,
			scan: null,
			source: null,
			mixedEncodingLine: null
		});
	});

	it('takes a CSV’s text as its caller decoded it, with the line where encodings mix', async () => {
		// The bytes say otherwise: the text given is what is read.
		const file = { ...csv('e.csv', 'autre\n1\n'), text: 'ml_id;niveau\nML-01-01;3\n', mixedEncodingLine: 2 };
		const opened = await openFile(db, 'staging_t_1', file);
		expect([opened.encoding, opened.header, opened.delimiter, opened.mixedEncodingLine]).toEqual([
			'utf-8',
			['ml_id', 'niveau'],
			';',
			2
		]);
		const plain = await openFile(db, 'staging_t_1', { ...file, mixedEncodingLine: undefined });
		expect(plain.mixedEncodingLine).toBeNull();
	});

	it('gives a CSV whose first line is blank no header', async () => {
		for (const text of ['   \n', '\n', ' \n\n']) {
			const opened = await openFile(db, 'staging_t_1', csv('e.csv', text));
			expect([text, opened.header, opened.scan]).toEqual([text, [], null]);
		}
	});
});

describe('staging a file’s rows', () => {
	const lines = async (prefix: string) =>
		(await db.query<{ l: number }>({ sql: `SELECT __line AS l FROM "${prefix}" ORDER BY __line`, params: [] })).map(
			(r) => r.l
		);

	it('numbers rows past several blank lines by the lines a spreadsheet shows', async () => {
		const head = 'ml_id,campagne,phase,critere_id,niveau';
		const text = [head, 'ML-01-01,2024,audit,1.1,3', '', 'ML-01-01,2024,audit,1.2,3', '', '', 'ML-75-01,2024,audit,1.1,2', ''];
		const report = await validateFiles(db, [csv('e.csv', text.join('\n'))]);
		expect(report.errors).toBe(0);
		expect(await lines(report.files[0].staging!)).toEqual([2, 4, 7]);
	});

	it('drops a Parquet row whose cells are all empty or NULL, typed ones included, and shows other types as text', async () => {
		const file = await parquet(
			`SELECT * FROM (VALUES ('ML-01-01', 2024::INTEGER, 'audit', '1.1', 3::INTEGER, 7::BIGINT),
				('', NULL::INTEGER, '  ', '', NULL::INTEGER, NULL::BIGINT)) t(ml_id, campagne, phase, critere_id, niveau, autre)`
		);
		const report = await validateFiles(db, [file]);
		const f = report.files[0];
		expect([f.table, f.rows, f.errors]).toEqual(['evaluations', 1, 0]);
		// The extra BIGINT column is staged as the text it holds, beside the raw cells.
		const [row] = await db.query<Record<string, unknown>>({ sql: `SELECT * FROM "${f.staging}"`, params: [] });
		expect(Object.values(row)).toContain('7');
		expect(await lines(f.staging!)).toEqual([2]);
	});

	it('leaves no scratch relation of a checked file: only its rows, its issues and its view', async () => {
		const text = 'ml_id,campagne,phase,critere_id,niveau\nML-01-01,2024,audit,1.1,3\nML-01-01,2024,audit,1.2,3,de trop\n';
		const file = await parquet(`SELECT 'ML-01-01' AS ml_id, 2024::INTEGER AS campagne, 'audit' AS phase, '1.1' AS critere_id`);
		const report = await validateFiles(db, [csv('e.csv', text), file]);
		expect(report.counts['ligne-mal-formee']).toBe(1);
		const [a, b] = report.files.map((f) => f.staging);
		expect((await tableNames()).filter((t) => t.startsWith('staging_'))).toEqual(
			[a, `${a}_issues`, `${a}_rows`, b, `${b}_issues`, `${b}_rows`].sort()
		);
	});
});
