import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDatabase } from '../testing/fixture';
import type { Database } from '../types';
import {
	mlKeyFiguresQuery,
	mlProfileQuery,
	mlScoresQuery,
	mlTimelineQuery,
	type MlCriterionScore,
	type MlEvent,
	type MlProfile,
	type MlYear
} from './ml';
import { REGIONAL_NETWORK } from './regional.fixture';

let db: Database;

beforeAll(async () => {
	db = await fixtureDatabase(REGIONAL_NETWORK);
});

afterAll(() => db.close());

describe('ML profile', () => {
	it('gives the name, place, ARML and status at a date', async () => {
		const [a1] = await db.query<MlProfile>(mlProfileQuery('A1', '2025-06-30'));
		expect(a1).toMatchObject({
			ml_id: 'A1',
			nom: 'Mission Locale A1',
			departement_code: '29',
			departement_nom: 'Finistère',
			arml_code: 'bretagne',
			arml_nom: 'ARML Bretagne',
			status: 'labellisee',
			current_step: 'label',
			current_step_date: '2024-12-01'
		});
		const [e1] = await db.query<MlProfile>(mlProfileQuery('E1', '2025-06-30'));
		expect(e1).toMatchObject({
			commune: 'Épinal',
			status: 'non-engagee',
			current_step: null,
			effectif_etp: 12.5
		});
	});

	it('finds nothing for an unknown id', async () => {
		expect(await db.query(mlProfileQuery('ML-00-00', '2025-06-30'))).toEqual([]);
		expect(
			await db.query(mlScoresQuery({ campaign: 2025, phase: 'audit', today: '2025-06-30', id: 'nope' }))
		).toEqual([]);
	});
});

describe('ML scores against its ARML and the nation', () => {
	it('puts its score beside the ARML mean (itself included) and the national mean', async () => {
		const rows = await db.query<MlCriterionScore>(
			mlScoresQuery({ campaign: 2025, phase: 'audit', today: '2025-06-30', id: 'A2' })
		);
		expect(rows).toHaveLength(24);
		const by = Object.fromEntries(rows.map((r) => [r.criterion_id, r]));
		expect(by['3.3']).toMatchObject({
			score: 1,
			campagne: 2025,
			arml_mean: 2.25,
			arml_n: 4,
			national_mean: 2.2,
			national_n: 5
		});
		expect(by['5.4'].score).toBe(2);
		expect(by['5.4'].arml_mean).toBeCloseTo(8 / 3, 12);
		expect(rows.map((r) => r.criterion_id).slice(0, 3)).toEqual(['1.1', '1.2', '2.1']);
	});

	it('keeps every criterion when the ML has no score for some', async () => {
		const rows = await db.query<MlCriterionScore>(
			mlScoresQuery({ campaign: 'latest', phase: 'audit', today: '2025-06-30', id: 'B2' })
		);
		expect(rows).toHaveLength(24);
		expect(rows.every((r) => r.score === null)).toBe(true);
		expect(rows[0]).toMatchObject({ arml_mean: 2, arml_n: 1 });
	});
});

describe('ML labellisation timeline', () => {
	it('lists events by date, steps of the same day in journey order', async () => {
		const rows = await db.query<MlEvent>(mlTimelineQuery('B2'));
		expect(rows.map((r) => [r.etape, r.date])).toEqual([
			['commission', '2025-01-10'],
			['label', '2025-01-10']
		]);
		expect(await db.query(mlTimelineQuery('C1'))).toEqual([]);
	});
});

describe('ML key figures over the years', () => {
	it('gives each year’s rates beside the national medians of that year', async () => {
		const rows = await db.query<MlYear>(mlKeyFiguresQuery('A1'));
		expect(rows.map((r) => [r.annee, r.jeunes_accompagnes, r.emploi_rate, r.emploi_national])).toEqual([
			[2024, 200, 25, 27.5],
			[2025, 100, 10, 10]
		]);
		expect(rows[0]).toMatchObject({
			premiers_accueils: 80,
			cej: 30,
			cej_rate: 15,
			cej_national: 10,
			formation_national: 12.5,
			national_mls: 4
		});
		expect(rows[1].national_mls).toBe(2);
	});
});
