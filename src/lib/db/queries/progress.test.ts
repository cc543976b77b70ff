import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectLabels } from '../../charts/projection';
import { fixtureDatabase } from '../testing/fixture';
import { SMALL_NETWORK } from '../testing/network';
import type { Database } from '../types';
import { keyFiguresQuery, type KeyFigureTotals } from './keyFigures';
import { stepsQuery, timelineQuery, type StepCount, type TimelinePoint } from './progress';

let db: Database;

beforeAll(async () => {
	db = await fixtureDatabase({
		...SMALL_NETWORK,
		chiffres_cles: [
			['A1', 2021, 80, 30, null, null, 10, 5, 2, 1, 0],
			['A1', 2022, 100, 40, 20, 15, 30, 12, 5, 2, 1],
			['A2', 2022, 50, 20, 10, 5, null, 6, 2, 1, 1]
		]
	});
});

afterAll(() => db.close());

describe('labellisation progress', () => {
	it('counts MLs by their latest step on or before a date, by ARML', async () => {
		const rows = await db.query<StepCount>(stepsQuery('2025-06-30'));
		expect(rows.map((r) => [r.arml_code, r.step, r.n])).toEqual([
			['antilles-guyane', 'non-engagee', 2],
			['bretagne', 'ajournement', 1],
			['bretagne', 'label', 1],
			['bretagne', 'non-engagee', 1]
		]);
		const later = await db.query<StepCount>(stepsQuery('2025-12-31', 'antilles-guyane'));
		expect(later.map((r) => [r.step, r.n])).toEqual([
			['inscription', 1],
			['non-engagee', 1]
		]);
	});

	it('cumulates engaged and labelled MLs month by month', async () => {
		const rows = await db.query<TimelinePoint>(timelineQuery('2025-06-30'));
		expect(rows.map((r) => [r.month, r.engaged, r.labelled, r.total])).toEqual([
			['2024-10-01', 1, 0, 5],
			['2024-11-01', 1, 0, 5],
			['2024-12-01', 1, 1, 5],
			['2025-01-01', 1, 1, 5],
			['2025-02-01', 1, 1, 5],
			['2025-03-01', 2, 1, 5]
		]);
	});

	it('projects the month every ML would be labelled at the recent pace', () => {
		const points = [
			{ month: '2025-01-01', engaged: 10, labelled: 2, total: 10 },
			{ month: '2025-02-01', engaged: 10, labelled: 3, total: 10 },
			{ month: '2025-03-01', engaged: 10, labelled: 4, total: 10 }
		];
		// 2 labels over the last 2 months: 1 a month, 6 to go → September 2025.
		expect(projectLabels(points, 12)).toEqual({
			pace: 1,
			month: '2025-09-01',
			remaining: 6,
			asOf: '2025-03-01',
			windowMonths: 2
		});
		const stalled = points.map((p) => ({ ...p, labelled: 4 }));
		expect(projectLabels(stalled)?.month).toBeNull();
	});
});

describe('key figures', () => {
	it('sums a year and the year before, with how many MLs reported', async () => {
		const rows = await db.query<KeyFigureTotals>(keyFiguresQuery(2022));
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({
			annee: 2022,
			mls: 2,
			jeunes_accompagnes: 150,
			premiers_accueils: 60,
			emploi: 30
		});
		expect(rows[1]).toMatchObject({ annee: 2021, mls: 1, jeunes_accompagnes: 80, pacea: null, cej: null });
		expect(await db.query(keyFiguresQuery(null))).toEqual(rows);
	});
});
