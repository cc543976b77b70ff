import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDatabase } from '../testing/fixture';
import type { Database } from '../types';
import { REGIONAL_NETWORK } from './regional.fixture';
import { armlPairedQuery, mlPairedQuery, type PairedRow } from './selfAudit';

let db: Database;
beforeAll(async () => {
	db = await fixtureDatabase(REGIONAL_NETWORK);
});
afterAll(() => db.close());

const today = '2025-06-30';
const pick = (rows: PairedRow[]) => rows.map((r) => [r.kind, r.id, r.self, r.audit, r.gap, r.n]);

// Latest campaign of each phase: self-assessments A1 2024 (1.1 = 3, 1.2 = 4), A2 2025 (1.1 = 4),
// A3 2024 (1.1 = 4), B1 2024 (1.1 = 2); audits 2025 (A1, A2 all 3, A3 1.1 = 4, B1 all 2). E1 has
// no self-assessment, B2 no audit: neither is paired.
describe('armlPairedQuery', () => {
	it('pairs each ML’s self-assessed and audited means over the same criteria, by gap', async () => {
		const rows = await db.query<PairedRow>(armlPairedQuery({ arml: 'bretagne', campaign: 'latest', today }));
		expect(pick(rows)).toEqual([
			['ml', 'A2', 4, 3, 1, 1],
			['ml', 'A1', 3.5, 3, 0.5, 2],
			['ml', 'A3', 4, 4, 0, 1],
			['arml', 'bretagne', 11.5 / 3, 10 / 3, 0.5, 3],
			['nation', null, 3.375, 3, 0.375, 4]
		]);
	});

	it('follows the campaign: in 2024 only A1 has both', async () => {
		const rows = await db.query<PairedRow>(armlPairedQuery({ arml: 'bretagne', campaign: 2024, today }));
		expect(pick(rows)).toEqual([
			['ml', 'A1', 3, 2, 1, 1],
			['arml', 'bretagne', 3, 2, 1, 1],
			['nation', null, 3, 2, 1, 1]
		]);
	});
});

describe('mlPairedQuery', () => {
	it('pairs one ML’s criteria by gap, with the ARML’s and the nation’s mean gap on each', async () => {
		const rows = await db.query<PairedRow>(mlPairedQuery({ id: 'A1', campaign: 'latest', today }));
		expect(rows.map((r) => [r.kind, r.id, r.gap, r.arml_gap, r.arml_n, r.national_gap])).toEqual([
			['criterion', '1.2', 1, 1, 1, 1],
			['criterion', '1.1', 0, 1 / 3, 3, 0.25],
			['arml', 'bretagne', 0.5, null, null, null],
			['nation', null, 0.375, null, null, null]
		]);
		expect(rows[0].label).toMatch(/^1\.2 /);
	});
});
