// Fuzzing the validator (issue 13, point 9): near-valid CSVs, garbled Parquet and plain noise go
// through `validateFiles` on real DuckDB (Node), and CSVs also through DuckDB-WASM's Node build as
// the browser's import worker hands them over (decoded by `inspectCsv`). No exception escapes, every
// problem comes back as a structured French report (`tests/fuzz/report.ts`), and nothing is left
// in staging. Seeds: `FUZZ_SEED` replays a run, `FUZZ_RUNS` scales the runs.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { damage, nearValidCsv, noiseBytes, parquetDamage, runs, SEED } from '../../../tests/fuzz/arbitraries';
import { assertStructured } from '../../../tests/fuzz/report';
import { createReferenceTables } from '../../../tests/fixtures/references';
import { inspectCsv } from '../import/inspect';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { openWasmNodeDatabase } from '../db/wasmNode';
import { discardStaging, validateFiles, type InputFile } from './validate';

const params = (numRuns: number) => ({ seed: SEED, numRuns: runs(numRuns) });
console.info(`validator fuzz: FUZZ_SEED=${SEED}`);

/** What the reader and DuckDB disagreeing looks like: the scan must agree with DuckDB on any CSV. */
const DISAGREEMENT = /le lecteur CSV (n’a pas pu le lire|a lu)/;

let db: Database;
let wasm: Database;
let baseline: string[];
const tables = async (d: Database) =>
	(await d.query<{ name: string }>({ sql: `SELECT table_name AS name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1`, params: [] })).map((r) => r.name);

beforeAll(async () => {
	db = await openNodeDatabase();
	await createReferenceTables(db);
	await db.exec(`INSERT INTO missions_locales VALUES ('ML-IMP-01')`);
	baseline = await tables(db);
	wasm = await openWasmNodeDatabase();
	await createReferenceTables(wasm);
}, 60_000);
afterAll(async () => {
	await db?.close();
	await wasm?.close();
});

/** Validates one file, checks the report's shape, discards the staging and checks nothing is left. */
async function validateOne(d: Database, input: InputFile, before: string[]) {
	const report = await validateFiles(d, [input]);
	try {
		assertStructured(report, input.name, input.bytes);
		for (const issue of report.issues) expect(issue.message).not.toMatch(DISAGREEMENT);
	} finally {
		// Discarded even when an assertion fails, so that one failure does not fail every later run.
		await discardStaging(d, report);
	}
	expect(await tables(d)).toEqual(before);
	return report;
}

describe('the validator on Node DuckDB', () => {
	it('answers any near-valid CSV with a structured report', async () => {
		await fc.assert(
			fc.asyncProperty(nearValidCsv, async (csv) => {
				await validateOne(db, { name: csv.name, bytes: csv.bytes }, baseline);
			}),
			params(60)
		);
	}, 240_000);

	it('answers any bytes with a structured report', async () => {
		await fc.assert(
			fc.asyncProperty(noiseBytes, fc.constantFrom('evaluations.csv', 'x.parquet', 'données'), async (bytes, name) => {
				await validateOne(db, { name, bytes }, baseline);
			}),
			params(60)
		);
	}, 240_000);

	it('answers a truncated or garbled Parquet file with a structured report', async () => {
		// A small valid evaluations Parquet, then damaged.
		await db.exec(`CREATE OR REPLACE TEMP TABLE fuzz_parquet AS
			SELECT 'ML-IMP-01' AS ml_id, 2024 AS campagne, 'audit' AS phase, '1.1' AS critere_id,
				NULL::VARCHAR AS element_id, (i % 4 + 1)::INTEGER AS niveau, DATE '2024-03-15' AS date
			FROM range(40) t(i)`);
		const valid = await db.toParquet('fuzz_parquet');
		await db.exec('DROP TABLE fuzz_parquet');
		const report = await validateOne(db, { name: 'evaluations.parquet', bytes: valid }, baseline);
		expect(report.files[0]).toMatchObject({ format: 'parquet', rows: 40, table: 'evaluations' });
		await fc.assert(
			fc.asyncProperty(parquetDamage, async (d) => {
				await validateOne(db, { name: 'evaluations.parquet', bytes: damage(valid, d) }, baseline);
			}),
			params(40)
		);
	}, 240_000);
});

describe('the validator on DuckDB-WASM, as the browser’s import worker calls it', () => {
	it('answers any near-valid CSV with a structured report', async () => {
		const before = await tables(wasm);
		await fc.assert(
			fc.asyncProperty(nearValidCsv, async (csv) => {
				const read = inspectCsv(csv.name, csv.bytes);
				const input: InputFile =
					read.kind === 'csv' ? { name: read.name, bytes: read.bytes, text: read.text, mixedEncodingLine: read.mixedEncodingLine } : { name: csv.name, bytes: csv.bytes };
				await validateOne(wasm, input, before);
			}),
			params(12)
		);
	}, 240_000);
});
