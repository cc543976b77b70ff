import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteria } from '../../referentiel';
import { DEFAULT_FILTERS } from '../../model/filters';
import { fixtureDatabase } from '../testing/fixture';
import { SMALL_NETWORK } from '../testing/network';
import type { Database } from '../types';
import { heatmapQuery, type HeatmapCell, type HeatmapOptions } from './heatmap';

let db: Database;

beforeAll(async () => {
	db = await fixtureDatabase(SMALL_NETWORK);
});

afterAll(() => db.close());

const base: HeatmapOptions = { ...DEFAULT_FILTERS, campaign: 2024, threshold: 3, today: '2025-06-30' };

async function cells(options: Partial<HeatmapOptions>) {
	const rows = await db.query<HeatmapCell>(heatmapQuery({ ...base, ...options }));
	return Object.fromEntries(
		rows.map((r) => [`${r.row_id}/${r.col_id}`, { mean: r.mean, share: r.share, n: r.n }])
	);
}

describe('heatmap query', () => {
	it('averages per-ML criterion scores by ARML, with share atteint and n', async () => {
		const got = await cells({});
		expect(Object.keys(got).sort()).toEqual(['antilles-guyane/1.1', 'bretagne/1.1', 'bretagne/1.2']);
		expect(got['bretagne/1.1'].mean).toBeCloseTo((3 + 2.5 + 4) / 3, 12);
		expect(got['bretagne/1.1']).toMatchObject({ share: 2 / 3, n: 3 });
		expect(got['bretagne/1.2']).toEqual({ mean: 3, share: 0.5, n: 2 });
		expect(got['antilles-guyane/1.1']).toEqual({ mean: 2.5, share: 0.5, n: 2 });
	});

	it('scores a chapter per ML as the mean of its criteria, then averages over MLs', async () => {
		const got = await cells({ columns: 'chapter' });
		expect(got['bretagne/1'].mean).toBeCloseTo((3.5 + 2.25 + 4) / 3, 12);
		expect(got['bretagne/1']).toMatchObject({ share: 2 / 3, n: 3 });
		expect(got['antilles-guyane/1']).toEqual({ mean: 2.5, share: 0.5, n: 2 });
	});

	it('takes each ML’s latest campaign for "dernière évaluation disponible"', async () => {
		const got = await cells({ campaign: 'latest' });
		expect(got['bretagne/1.1'].mean).toBeCloseTo((3 + 4 + 4) / 3, 12);
		expect(got['bretagne/1.2']).toEqual({ mean: 4, share: 1, n: 1 });
		// B1's latest campaign is 2024 (criterion 1.1 only), not 2023.
		expect(got['antilles-guyane/1.1']).toEqual({ mean: 2.5, share: 0.5, n: 2 });
		expect(got['antilles-guyane/5.4']).toBeUndefined();
	});

	it('keeps phases apart', async () => {
		expect(await cells({ phase: 'audit' })).toEqual({ 'bretagne/1.1': { mean: 2, share: 0, n: 1 } });
		const both = await db.query<HeatmapCell>(heatmapQuery({ ...base, phase: 'both' }));
		expect(new Set(both.map((c) => c.phase))).toEqual(new Set(['auto-evaluation', 'audit']));
	});

	it('filters by labellisation status at a date', async () => {
		expect(await cells({ status: 'labellisee' })).toEqual({
			'bretagne/1.1': { mean: 3, share: 1, n: 1 },
			'bretagne/1.2': { mean: 4, share: 1, n: 1 }
		});
		const notLabelled = await cells({ status: 'non-labellisee' });
		expect(notLabelled['bretagne/1.1'].n).toBe(2);
		expect((await cells({ status: 'ajournee' }))['bretagne/1.1']).toEqual({ mean: 4, share: 1, n: 1 });
	});

	it('gives the overall score only for MLs with all 24 criteria assessed', async () => {
		const rows = await db.query<HeatmapCell>(heatmapQuery({ ...base, campaign: 2023 }));
		expect(rows).toHaveLength(24);
		expect(rows[0].row_overall).toBeCloseTo((23 * 2 + 4) / 24, 12);
		expect(rows[0].row_mls).toBe(2);
		const y2024 = await db.query<HeatmapCell>(heatmapQuery(base));
		expect(y2024.every((r) => r.row_overall === null)).toBe(true);
	});

	it('drills a criterion down to its elements, from element rows only', async () => {
		const got = await cells({ columns: 'element', criterion: '1.1' });
		expect(got['bretagne/1.1.a'].mean).toBeCloseTo(7 / 3, 12);
		expect(got['bretagne/1.1.a'].n).toBe(3);
		expect(got['bretagne/1.1.b']).toEqual({ mean: 2, share: 0.5, n: 2 });
	});

	it('lists ML rows and restricts them to one ARML', async () => {
		const got = await cells({ rows: 'ml', arml: 'antilles-guyane' });
		expect(got).toEqual({ 'B1/1.1': { mean: 2, share: 0, n: 1 }, 'B2/1.1': { mean: 3, share: 1, n: 1 } });
	});

	it('orders columns as the référentiel does and labels them with short labels', async () => {
		const rows = await db.query<HeatmapCell>(heatmapQuery({ ...base, campaign: 2023 }));
		expect(rows.map((r) => r.col_id)).toEqual(criteria.map((c) => c.id));
		expect(rows[0].col_label).toBe(criteria[0].shortLabel);
		expect(rows[0].group_id).toBe('1');
	});
});
