/** The demo generator: the same bytes on every run, its manifest, its size and the reference tables. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLES } from '../../src/lib/data/contract.ts';
import { ident } from '../../src/lib/db/sql.ts';
import { generateDemo } from '../generate-demo.ts';
import { openDemo, SETUP_TIMEOUT, type DemoDatabase } from './database.ts';

let one: DemoDatabase['one'];
let demo: DemoDatabase;

beforeAll(async () => {
	demo = await openDemo();
	({ one } = demo);
}, SETUP_TIMEOUT);

let fresh: string;

beforeAll(async () => {
	// A second run, beside the shared one: the same generator must write the same bytes.
	fresh = mkdtempSync(join(tmpdir(), 'demo-b-'));
	await generateDemo(fresh);
}, SETUP_TIMEOUT);

afterAll(async () => {
	await demo?.db.close();
	if (fresh) rmSync(fresh, { recursive: true, force: true });
});

function files(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => statSync(join(dir, f)).isFile())
		.sort();
}

describe('the generator', () => {
	it('writes the same bytes on every run', () => {
		const a = files(demo.dir);
		expect(a).toEqual(files(fresh));
		expect(a).toContain('evaluations.parquet');
		for (const f of a)
			expect(readFileSync(join(demo.dir, f)).equals(readFileSync(join(fresh, f))), f).toBe(true);
	});

	it('writes a manifest with the row count of each table', async () => {
		const manifest = JSON.parse(readFileSync(join(demo.dir, 'manifest.json'), 'utf8'));
		expect(manifest.generatorVersion).toMatch(/\S/);
		for (const t of TABLES) {
			const { n } = await one<{ n: number }>(`SELECT count(*) AS n FROM ${ident(t.name)}`);
			expect(manifest.tables[t.name], t.name).toBe(n);
		}
		expect(manifest.reference).toEqual({ regions: 19, departements: 102, arml: 15 });
	});

	it('keeps evaluations between 100,000 and 300,000 rows', async () => {
		const { n } = await one<{ n: number }>('SELECT count(*) AS n FROM evaluations');
		expect(n).toBeGreaterThanOrEqual(100_000);
		expect(n).toBeLessThanOrEqual(300_000);
	});
});

describe('the reference tables', () => {
	it('list 19 regions, 102 départements and 15 ARML, Saint-Martin in Antilles-Guyane', async () => {
		const r =
			await one(`SELECT (SELECT count(*) FROM regions) AS regions, (SELECT count(*) FROM departements) AS departements,
			(SELECT arml_code FROM departements WHERE departement_code = '978') AS saint_martin,
			(SELECT nom FROM arml WHERE arml_code = 'ile-de-france') AS idf`);
		expect(r).toEqual({
			regions: 19,
			departements: 102,
			saint_martin: 'antilles-guyane',
			idf: 'ARML Île-de-France'
		});
		const files = readdirSync(join(demo.dir, 'reference')).sort();
		expect(files).toEqual([
			'arml.csv',
			'arml.parquet',
			'departements.csv',
			'departements.parquet',
			'regions.csv',
			'regions.parquet'
		]);
	});
});
