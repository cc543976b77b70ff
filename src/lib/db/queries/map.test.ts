import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDatabase } from '../testing/fixture';
import type { Database } from '../types';
import { mapQuery, type MapArea, type MapOptions } from './map';
import { REGIONAL_NETWORK } from './regional.fixture';

let db: Database;
beforeAll(async () => {
	db = await fixtureDatabase(REGIONAL_NETWORK);
});
afterAll(() => db.close());

const base: MapOptions = {
	level: 'arml',
	measure: 'labellisation',
	today: '2025-06-30',
	phase: 'audit',
	criterion: null,
	threshold: 3,
	keyFigure: 'emploi'
};
const run = (o: Partial<MapOptions>) => db.query<MapArea>(mapQuery({ ...base, ...o }));
const pick = (rows: MapArea[]) => rows.map((r) => [r.area_id, r.value, r.n, r.mls]);

describe('mapQuery', () => {
	it('gives every ARML its labellisation rate over all its MLs', async () => {
		// Bretagne: A1 labelled of A1, A2, A3, E1; Antilles-Guyane: B2 labelled of B1, B2, C1.
		expect(pick(await run({}))).toEqual([
			['antilles-guyane', 1 / 3, 3, 3],
			['bretagne', 0.25, 4, 4]
		]);
	});

	it('lists every département of the reference, with its ARML to open', async () => {
		const rows = await run({ level: 'departement' });
		expect(rows.map((r) => [r.area_id, r.area_label, r.arml_code, r.value, r.n])).toEqual([
			['29', 'Finistère', 'bretagne', 0.25, 4],
			['971', 'Guadeloupe', 'antilles-guyane', 0, 1],
			['972', 'Martinique', 'antilles-guyane', 0.5, 2]
		]);
	});

	it('averages each ML’s mean score of its latest campaign in the phase', async () => {
		const rows = await run({ measure: 'score' });
		// Bretagne 2025 audits: A1 3, A2 69/24, A3 3, E1 2 (23 criteria); A1's 2024 audit is older.
		expect(rows[1].n).toBe(4);
		expect(rows[1].value).toBeCloseTo((3 + 69 / 24 + 3 + 2) / 4, 12);
		// Antilles-Guyane: B1 all 2.
		expect([rows[0].value, rows[0].n]).toEqual([2, 1]);
	});

	it('gives a criterion’s share of MLs below the threshold', async () => {
		const rows = await run({ measure: 'below', criterion: '5.4' });
		// 5.4 in the 2025 audits: A1 3, A2 2, A3 3 (E1 has none); B1 2.
		expect(pick(rows)).toEqual([
			['antilles-guyane', 1, 1, 3],
			['bretagne', 1 / 3, 3, 4]
		]);
	});

	it('reads the campaign asked instead of each ML’s latest', async () => {
		// 1.1 in audit: A1 2 in 2024; A1 3, A2 3, A3 4, E1 2 and B1 2 in 2025.
		expect(pick(await run({ measure: 'below', criterion: '1.1' }))).toEqual([
			['antilles-guyane', 1, 1, 3],
			['bretagne', 1 / 4, 4, 4]
		]);
		expect(pick(await run({ measure: 'below', criterion: '1.1', campaign: 2024 }))).toEqual([
			['antilles-guyane', null, 0, 3],
			['bretagne', 1, 1, 4]
		]);
	});

	it('keeps only the MLs of the ARML and status asked: the other areas have none', async () => {
		expect(pick(await run({ measure: 'below', criterion: '5.4', arml: 'bretagne' }))).toEqual([
			['antilles-guyane', null, 0, 0],
			['bretagne', 1 / 3, 3, 4]
		]);
		// Labelled on 2025-06-30: A1 (5.4 at 3) and B2 (no audit).
		expect(pick(await run({ measure: 'below', criterion: '5.4', status: 'labellisee' }))).toEqual([
			['antilles-guyane', null, 0, 1],
			['bretagne', 0, 1, 1]
		]);
		// Not yet labelled: every other ML (A2 2, A3 3; B1 2).
		expect(
			pick(await run({ measure: 'below', criterion: '5.4', status: 'non-labellisee', level: 'departement' }))
		).toEqual([
			['29', 1 / 2, 2, 3],
			['971', 1, 1, 1],
			['972', null, 0, 1]
		]);
	});

	it('counts a key figure per 100 young people over the latest year’s figures', async () => {
		const rows = await run({ measure: 'keyFigure', keyFigure: 'emploi' });
		// 2025: A1 10 of 100; B2 accompanied nobody and is left out.
		expect(pick(rows)).toEqual([
			['antilles-guyane', null, 0, 3],
			['bretagne', 10, 1, 4]
		]);
	});
});
