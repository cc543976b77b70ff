import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDatabase } from '../testing/fixture';
import type { Database } from '../types';
import {
	armlGapQuery,
	armlIndexQuery,
	armlRankingQuery,
	armlRatesQuery,
	keyFigureYearsQuery,
	type ArmlSummary,
	type ArmlViewOptions,
	type CriterionGap,
	type MlRank,
	type MlRates
} from './arml';
import { REGIONAL_NETWORK } from './regional.fixture';

let db: Database;

beforeAll(async () => {
	db = await fixtureDatabase(REGIONAL_NETWORK);
});

afterAll(() => db.close());

const audit2025: ArmlViewOptions = { campaign: 2025, phase: 'audit', today: '2025-06-30' };

describe('ARML index', () => {
	it('gives each ARML its MLs, labelled share and mean overall score, then the nation', async () => {
		const rows = await db.query<ArmlSummary>(armlIndexQuery(audit2025));
		expect(rows.map((r) => [r.arml_code, r.arml_nom, r.mls, r.labelled, r.assessed])).toEqual([
			['antilles-guyane', 'ARML Antilles-Guyane', 3, 1, 1],
			['bretagne', 'ARML Bretagne', 4, 1, 3],
			[null, 'Ensemble du réseau', 7, 2, 4]
		]);
		// Bretagne: A1 3, A2 69/24, A3 3; E1 lacks 5.4 and has no overall score.
		expect(rows[1].overall).toBeCloseTo((3 + 2.875 + 3) / 3, 12);
		expect(rows[1].labelled_share).toBe(0.25);
		expect(rows[0].overall).toBe(2);
		expect(rows[0].labelled_share).toBeCloseTo(1 / 3, 12);
		expect(rows[2].overall).toBeCloseTo((3 + 2.875 + 3 + 2) / 4, 12);
		expect(rows[2].labelled_share).toBeCloseTo(2 / 7, 12);
	});

	it('counts status at the given date and follows the campaign and phase', async () => {
		const before = await db.query<ArmlSummary>(armlIndexQuery({ ...audit2025, today: '2024-12-31' }));
		expect(before.map((r) => r.labelled)).toEqual([0, 1, 1]);
		// Only B1 has all 24 criteria in the 2023 self-assessments: 23 × 2 and one 4.
		const rows = await db.query<ArmlSummary>(
			armlIndexQuery({ campaign: 2023, phase: 'auto-evaluation', today: '2025-06-30' })
		);
		expect(rows[0].overall).toBeCloseTo(50 / 24, 12);
		expect(rows[1]).toMatchObject({ overall: null, assessed: 0 });
	});

	it('restricts the index to one ARML, keeping the national line', async () => {
		const rows = await db.query<ArmlSummary>(armlIndexQuery({ ...audit2025, arml: 'bretagne' }));
		expect(rows.map((r) => r.arml_code)).toEqual(['bretagne', null]);
	});
});

describe('ranking within an ARML', () => {
	it('ranks MLs by overall score, ties sharing a rank, unranked MLs last', async () => {
		const rows = await db.query<MlRank>(armlRankingQuery({ ...audit2025, arml: 'bretagne', threshold: 3 }));
		expect(rows.map((r) => [r.ml_id, r.rank, r.overall, r.criteria, r.below, r.ranked])).toEqual([
			['A1', 1, 3, 24, 0, 3],
			['A3', 1, 3, 24, 1, 3],
			['A2', 3, 2.875, 24, 2, 3],
			['E1', null, null, 23, 23, 3]
		]);
	});

	it('names each ML’s three weakest criteria, lowest first, référentiel order on ties', async () => {
		const rows = await db.query<MlRank>(armlRankingQuery({ ...audit2025, arml: 'bretagne', threshold: 3 }));
		const weakest = Object.fromEntries(rows.map((r) => [r.ml_id, [r.weakest_ids, r.weakest_scores]]));
		expect(weakest.A2).toEqual(['3.3;5.4;1.1', '1.0;2.0;3.0']);
		expect(weakest.A3).toEqual(['1.2;2.1;2.2', '2.0;3.0;3.0']);
		expect(weakest.A1[0]).toBe('1.1;1.2;2.1');
	});

	it('lists MLs without any score with no rank', async () => {
		const rows = await db.query<MlRank>(
			armlRankingQuery({ ...audit2025, arml: 'antilles-guyane', threshold: 3 })
		);
		expect(rows.map((r) => [r.ml_id, r.rank, r.criteria, r.weakest_ids])).toEqual([
			['B1', 1, 24, '1.1;1.2;2.1'],
			['B2', null, 0, null],
			['C1', null, 0, null]
		]);
	});
});

describe('gap to the nation', () => {
	it('subtracts the national mean from the ARML mean, criterion by criterion', async () => {
		const rows = await db.query<CriterionGap>(armlGapQuery({ ...audit2025, arml: 'bretagne' }));
		expect(rows).toHaveLength(24);
		const by = Object.fromEntries(rows.map((r) => [r.criterion_id, r]));
		// 3.3: Bretagne A1 3, A2 1, A3 3, E1 2; nation adds B1 2.
		expect(by['3.3']).toMatchObject({ arml_mean: 2.25, arml_n: 4, national_mean: 2.2, national_n: 5 });
		expect(by['3.3'].gap).toBeCloseTo(0.05, 12);
		// 5.4: E1 has no score.
		expect(by['5.4'].arml_mean).toBeCloseTo(8 / 3, 12);
		expect(by['5.4']).toMatchObject({ arml_n: 3, national_mean: 2.5, national_n: 4 });
		expect(by['5.4'].gap).toBeCloseTo(8 / 3 - 2.5, 12);
		expect(by['1.1'].gap).toBeCloseTo(3 - 2.8, 12);
		expect(rows[0].short_label).toBeTruthy();
	});

	it('gives a negative gap to an ARML below the nation, and none without scores', async () => {
		const rows = await db.query<CriterionGap>(armlGapQuery({ ...audit2025, arml: 'antilles-guyane' }));
		expect(rows[0].gap).toBeCloseTo(2 - 2.8, 12);
		const none = await db.query<CriterionGap>(
			armlGapQuery({ campaign: 2024, phase: 'audit', today: '2025-06-30', arml: 'antilles-guyane' })
		);
		expect(none[0]).toMatchObject({ arml_mean: null, arml_n: 0, national_mean: 2, gap: null });
	});
});

describe('key figures as rates', () => {
	it('lists the years with figures, latest first', async () => {
		expect(await db.query(keyFigureYearsQuery())).toEqual([{ annee: 2025 }, { annee: 2024 }]);
	});

	it('writes rates per 100 jeunes accompagnés beside the ARML and national medians', async () => {
		const rows = await db.query<MlRates>(armlRatesQuery({ arml: 'bretagne', year: 2024 }));
		expect(
			rows.map((r) => [r.ml_id, r.emploi_rate, r.formation_rate, r.alternance_rate, r.cej_rate])
		).toEqual([
			['A1', 25, 10, 5, 15],
			['A2', 30, 5, 8, 10],
			['A3', 20, 15, 5, null]
		]);
		// Nation: A1, A2, A3 and B1 (40, 20, 2, 10); an empty CEJ is left out of its median.
		expect(rows[0]).toMatchObject({
			emploi_national: 27.5,
			formation_national: 12.5,
			alternance_national: 5,
			cej_national: 10,
			national_mls: 4,
			emploi_arml: 25,
			formation_arml: 10,
			alternance_arml: 5,
			cej_arml: 12.5
		});
	});

	it('takes the latest year by default and leaves rates empty when nobody was accompanied', async () => {
		const rows = await db.query<MlRates>(armlRatesQuery({ arml: 'bretagne', year: null }));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ annee: 2025, emploi_rate: 10, emploi_national: 10, national_mls: 2 });
		const antilles = await db.query<MlRates>(armlRatesQuery({ arml: 'antilles-guyane', year: 2025 }));
		expect(antilles[0]).toMatchObject({ ml_id: 'B2', emploi_rate: null, cej_rate: null });
	});
});
