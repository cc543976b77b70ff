import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { REJECTS_CHUNK_CHARS, storeRejects } from './rejects';
import type { BadRecord, Scan } from './scan';

let db: Database;
let registered: number[];
beforeEach(async () => {
	db = await openNodeDatabase();
	registered = [];
	const registerText = db.registerText.bind(db);
	db.registerText = (name, text) => {
		registered.push(text.length);
		return registerText(name, text);
	};
});
afterEach(() => db.close());

const scanOf = (bad: BadRecord[]): Scan => ({
	kept: 0,
	blank: [],
	bad,
	text: '',
	newLine: '\n',
	physicalLines: bad.length + 1,
	header: { fields: 1, problem: null }
});

describe('storing the lines a scan rejected', () => {
	it('keeps every rejected line, in order, without ever building a text beyond the bound', async () => {
		// Every line of a 256 MB file of malformed lines once went into one text, beyond V8's longest
		// string (RangeError): here 2 000 lines of 1 000 characters against a bound of 100 000.
		const line = 'x,"y'.repeat(250);
		const bad = Array.from({ length: 2_000 }, (_, i) => ({ line: i + 2, text: line, reason: `${i} « champs »` }));
		const table = await storeRejects(db, 'staging_t', scanOf(bad), 100_000);
		expect(registered.length).toBeGreaterThan(10);
		for (const length of registered) expect(length).toBeLessThanOrEqual(100_000 + 2_000);
		const rows = await db.query<{ n: number; lines: number; first: string; last: string; same: number }>({
			sql: `SELECT count(*)::INTEGER AS n, count(DISTINCT line)::INTEGER AS lines, min(error_message) FILTER (line = 2) AS first,
				max(error_message) FILTER (line = 2001) AS last, count(*) FILTER (csv_line = ?)::INTEGER AS same FROM ${table}`,
			params: [line]
		});
		expect(rows).toEqual([{ n: 2_000, lines: 2_000, first: '0 « champs »', last: '1999 « champs »', same: 2_000 }]);
	});

	it('keeps quotes, commas and control-free text of a small batch exactly', async () => {
		const bad = [
			{ line: 3, text: 'a,"b""c', reason: 'texte après un guillemet fermant' },
			{ line: 7, text: '', reason: '1 champ au lieu des 3 de l’en-tête' }
		];
		const table = await storeRejects(db, 'staging_u', scanOf(bad), 10);
		expect(registered).toHaveLength(2);
		const rows = await db.query({ sql: `SELECT line, csv_line, error_message FROM ${table} ORDER BY line`, params: [] });
		expect(rows).toEqual([
			{ line: 3, csv_line: 'a,"b""c', error_message: 'texte après un guillemet fermant' },
			{ line: 7, csv_line: null, error_message: '1 champ au lieu des 3 de l’en-tête' }
		]);
	});

	it('bounds each text DuckDB gets to a few megabytes by default', () => {
		expect(REJECTS_CHUNK_CHARS).toBeLessThanOrEqual(16 * 1024 * 1024);
	});

	it('stores nothing when no line was rejected', async () => {
		expect(await storeRejects(db, 'staging_v', scanOf([]))).toBeNull();
		expect(registered).toEqual([]);
	});
});
