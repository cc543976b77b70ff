import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDatabase } from '../testing/fixture';
import { SMALL_NETWORK } from '../testing/network';
import { sql } from '../sql';
import type { Database } from '../types';
import {
	groupTargets,
	trainingCountsQuery,
	trainingTargetsQuery,
	type TrainingCount,
	type TrainingOptions,
	type TrainingTarget
} from './training';

// SMALL_NETWORK, self-assessment 2024: 1.1 A1 3, A2 2.5, A3 4, B1 2, B2 3 · 1.2 A1 4, A2 2.
// Below 3: A2 on 1.1 and 1.2, B1 on 1.1.
let db: Database;

beforeAll(async () => {
	db = await fixtureDatabase(SMALL_NETWORK);
});

afterAll(() => db.close());

const options: TrainingOptions = {
	campaign: 2024,
	phase: 'auto-evaluation',
	arml: null,
	status: null,
	threshold: 3,
	today: '2025-06-30',
	criteria: ['1.1', '1.2']
};

describe('training targets', () => {
	it('counts MLs below the threshold by ARML × criterion, an ML below on two criteria once per criterion', async () => {
		const rows = await db.query<TrainingCount>(trainingCountsQuery(options));
		expect(rows.map((r) => [r.arml_code, r.criterion_id, r.assessed, r.below, r.mls_below])).toEqual([
			['antilles-guyane', '1.1', 2, 1, 1],
			['bretagne', '1.1', 3, 1, 1],
			['bretagne', '1.2', 2, 1, 1]
		]);
		expect(rows[0].arml_nom).toBe('ARML Antilles-Guyane');
	});

	it('lists each ML once with the targeted criteria it is below on, and their scores', async () => {
		const rows = await db.query<TrainingTarget>(trainingTargetsQuery(options));
		expect(rows.map((r) => [r.ml_id, r.criterion_id, r.score])).toEqual([
			['B1', '1.1', 2],
			['A2', '1.1', 2.5],
			['A2', '1.2', 2]
		]);
		expect(groupTargets(rows)).toEqual([
			{
				ml_id: 'B1',
				nom: 'Mission Locale B1',
				arml_nom: 'ARML Antilles-Guyane',
				below: [{ criterion_id: '1.1', score: 2 }]
			},
			{
				ml_id: 'A2',
				nom: 'Mission Locale A2',
				arml_nom: 'ARML Bretagne',
				below: [
					{ criterion_id: '1.1', score: 2.5 },
					{ criterion_id: '1.2', score: 2 }
				]
			}
		]);
	});

	it('keeps to the targeted criteria, the ARML and the status asked for', async () => {
		const only12 = await db.query<TrainingTarget>(trainingTargetsQuery({ ...options, criteria: ['1.2'] }));
		expect(only12.map((r) => r.ml_id)).toEqual(['A2']);
		const antilles = await db.query<TrainingCount>(
			trainingCountsQuery({ ...options, arml: 'antilles-guyane' })
		);
		expect(antilles.map((r) => r.arml_code)).toEqual(['antilles-guyane']);
		// A3 is ajournée on 2025-06-30, and above the threshold on 1.1.
		const postponed = await db.query<TrainingCount>(trainingCountsQuery({ ...options, status: 'ajournee' }));
		expect(postponed.map((r) => [r.criterion_id, r.assessed, r.below, r.mls_below])).toEqual([
			['1.1', 1, 0, 0]
		]);
	});

	it('targets nobody when no criterion is picked', async () => {
		expect(await db.query(trainingTargetsQuery({ ...options, criteria: [] }))).toEqual([]);
		expect(await db.query(trainingCountsQuery({ ...options, criteria: [] }))).toEqual([]);
	});
});

describe('training targets across ARML with accented names', () => {
	let accented: Database;

	beforeAll(async () => {
		// Two more MLs below on 1.1: C1 in "ARML Île-de-France", C2 in "ARML Occitanie".
		accented = await fixtureDatabase({
			...SMALL_NETWORK,
			evaluations: [
				...SMALL_NETWORK.evaluations!,
				['C1', 2024, 'auto-evaluation', '1.1', null, 1, null],
				['C2', 2024, 'auto-evaluation', '1.1', null, 2, null]
			]
		});
		await accented.query(
			sql`INSERT INTO arml VALUES ('ile-de-france', 'ARML Île-de-France'), ('occitanie', 'ARML Occitanie')`
		);
		await accented.query(
			sql`INSERT INTO departements VALUES ('75', 'Paris', '11', 'ile-de-france'), ('31', 'Haute-Garonne', '76', 'occitanie')`
		);
		await accented.query(
			sql`INSERT INTO missions_locales VALUES ('C1', 'Mission Locale C1', '75', NULL, 'association', 1, 10), ('C2', 'Mission Locale C2', '31', NULL, 'association', 1, 10)`
		);
	});

	afterAll(() => accented.close());

	it('orders ARML by name as a French reader would (Île-de-France before Occitanie)', async () => {
		const counts = await accented.query<TrainingCount>(
			trainingCountsQuery({ ...options, criteria: ['1.1'] })
		);
		expect(counts.map((r) => r.arml_code)).toEqual([
			'antilles-guyane',
			'bretagne',
			'ile-de-france',
			'occitanie'
		]);
		const targets = await accented.query<TrainingTarget>(
			trainingTargetsQuery({ ...options, criteria: ['1.1'] })
		);
		expect(targets.map((r) => r.ml_id)).toEqual(['B1', 'A2', 'C1', 'C2']);
	});
});
