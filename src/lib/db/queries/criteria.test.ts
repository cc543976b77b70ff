import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDatabase } from '../testing/fixture';
import { SMALL_NETWORK } from '../testing/network';
import type { Database } from '../types';
import {
	criteriaChangeQuery,
	criteriaRankingQuery,
	criterionArmlQuery,
	criterionMlsQuery,
	elementMeansQuery,
	selfAuditQuery,
	type ArmlBelow,
	type CriteriaScope,
	type CriterionChange,
	type CriterionRank,
	type ElementMean,
	type MlBelow,
	type SelfAuditGap
} from './criteria';

const ev = (
	id: string,
	year: number,
	phase: string,
	criterion: string,
	element: string | null,
	level: number
) => [id, year, phase, criterion, element, level, null];

/**
 * SMALL_NETWORK (see testing/network.ts) plus rows for change and pairs. Self-assessment scores
 * per campaign, after the scoring rule (criterion row wins, else mean of elements):
 *   2024  1.1: A1 3, A2 2.5, A3 4, B1 2, B2 3 · 1.2: A1 4, A2 2 · 2.1: A1 3 · 2.2: A3 3
 *   2025  1.1: A1 3, A2 4, A3 2, B1 2.5 (elements 3, 2) · 1.2: A1 4 · 2.1: A1 2
 * Audit: 2024 1.1: A1 2, A2 2 · 1.2: A1 3 — 2023 5.4: B1 2 (self 4) — 2025 1.1: B2 3 (no self that year).
 */
const tables = {
	...SMALL_NETWORK,
	evaluations: [
		...SMALL_NETWORK.evaluations!,
		ev('A1', 2024, 'auto-evaluation', '2.1', null, 3),
		ev('A3', 2024, 'auto-evaluation', '2.2', null, 3),
		// B2 also notes one element in 2024 (its criterion-level 3 still sets its score).
		ev('B2', 2024, 'auto-evaluation', '1.1', '1.1.b', 4),
		ev('A1', 2025, 'auto-evaluation', '1.1', null, 3),
		ev('A1', 2025, 'auto-evaluation', '1.2', null, 4),
		ev('A1', 2025, 'auto-evaluation', '2.1', null, 2),
		ev('A3', 2025, 'auto-evaluation', '1.1', null, 2),
		ev('B1', 2025, 'auto-evaluation', '1.1', '1.1.a', 3),
		ev('B1', 2025, 'auto-evaluation', '1.1', '1.1.b', 2),
		ev('A2', 2024, 'audit', '1.1', null, 2),
		ev('A1', 2024, 'audit', '1.2', null, 3),
		ev('B1', 2023, 'audit', '5.4', null, 2),
		ev('B2', 2025, 'audit', '1.1', null, 3)
	]
};

let db: Database;

beforeAll(async () => {
	db = await fixtureDatabase(tables);
});

afterAll(() => db.close());

const scope: CriteriaScope = {
	campaign: 2024,
	phase: 'auto-evaluation',
	arml: null,
	status: null,
	threshold: 3,
	today: '2025-06-30'
};

describe('criteria ranking', () => {
	it('ranks criteria by the share of MLs below the threshold, with n and mean', async () => {
		const rows = await db.query<CriterionRank>(criteriaRankingQuery(scope));
		expect(rows.map((r) => r.criterion_id)).toEqual(['1.2', '1.1', '2.1', '2.2']);
		const [c12, c11] = rows;
		expect(c12).toMatchObject({ n: 2, below: 1, share_below: 0.5, mean: 3 });
		expect(c11).toMatchObject({ n: 5, below: 2, share_below: 0.4 });
		expect(c11.mean).toBeCloseTo(14.5 / 5, 12);
		expect(c11.short_label).toBe('Gouvernance ouverte aux partenaires');
	});

	it('counts a score at the level it has reached, so that level 3 starts at the threshold (2.5 → 2)', async () => {
		const [c12, c11] = await db.query<CriterionRank>(criteriaRankingQuery(scope));
		// 1.1: scores 3, 2.5, 4, 2, 3 → levels 3, 2, 4, 2, 3.
		expect([c11.level_1, c11.level_2, c11.level_3, c11.level_4]).toEqual([0, 2, 2, 1]);
		// Below the threshold is exactly levels 1 and 2.
		expect(c11.level_1 + c11.level_2).toBe(c11.below);
		expect(c11.below).toBe(2);
		expect([c12.level_1, c12.level_2, c12.level_3, c12.level_4]).toEqual([0, 1, 0, 1]);
	});

	it('takes each ML’s latest campaign for "dernière évaluation disponible"', async () => {
		const rows = await db.query<CriterionRank>(criteriaRankingQuery({ ...scope, campaign: 'latest' }));
		// 1.1 latest: A1 3 (2025), A2 4, A3 2, B1 2.5, B2 3 (2024).
		expect(rows.map((r) => [r.criterion_id, r.n, r.below])).toEqual([
			['2.1', 1, 1],
			['1.1', 5, 2],
			['1.2', 1, 0]
		]);
	});

	it('restricts to an ARML and to a labellisation status', async () => {
		const armlRows = await db.query<CriterionRank>(
			criteriaRankingQuery({ ...scope, arml: 'antilles-guyane' })
		);
		expect(armlRows.map((r) => [r.criterion_id, r.n, r.below, r.mean])).toEqual([['1.1', 2, 1, 2.5]]);
		const labelled = await db.query<CriterionRank>(criteriaRankingQuery({ ...scope, status: 'labellisee' }));
		expect(labelled.every((r) => r.n === 1 && r.below === 0)).toBe(true);
	});

	it('counts the distinct MLs evaluated, not the largest count of one criterion', async () => {
		// Latest audit: A1 (1.1, 1.2), A2 (1.1), B2 (1.1) and B1 (5.4 only): 1.1 has 3, the MLs are 4.
		const rows = await db.query<CriterionRank>(
			criteriaRankingQuery({ ...scope, campaign: 'latest', phase: 'audit' })
		);
		expect(Math.max(...rows.map((r) => r.n))).toBe(3);
		expect(rows.every((r) => r.mls === 4)).toBe(true);
	});

	it('passes values as parameters, never in the SQL text', () => {
		const query = criteriaRankingQuery({ ...scope, arml: "x' OR 1=1 --" });
		expect(query.sql).not.toContain('OR 1=1');
		expect(query.params).toContain("x' OR 1=1 --");
	});
});

describe('change from one campaign to the next', () => {
	it('gives the mean in each campaign, the difference and the trend, smallest change first', async () => {
		const rows = await db.query<CriterionChange>(criteriaChangeQuery({ ...scope, from: 2024, to: 2025 }));
		expect(rows.map((r) => [r.criterion_id, r.n_from, r.n_to, r.trend])).toEqual([
			['2.1', 1, 1, 'recule'],
			['1.1', 5, 4, 'stagne'],
			['1.2', 2, 1, 'progresse'],
			['2.2', 1, 0, null]
		]);
		const c11 = rows[1];
		expect(c11.mean_from).toBeCloseTo(2.9, 12);
		expect(c11.mean_to).toBeCloseTo(2.875, 12);
		expect(c11.delta).toBeCloseTo(-0.025, 12);
		expect(rows[2]).toMatchObject({ mean_from: 3, mean_to: 4, delta: 1 });
		expect(rows[3]).toMatchObject({ mean_from: 3, mean_to: null, delta: null });
	});

	it('calls a zero change "stagne" within an ARML', async () => {
		const rows = await db.query<CriterionChange>(
			criteriaChangeQuery({ ...scope, arml: 'antilles-guyane', from: 2024, to: 2025 })
		);
		// B1 2 and B2 3 in 2024 (2.5); B1 2.5 in 2025.
		expect(rows).toEqual([expect.objectContaining({ criterion_id: '1.1', delta: 0, trend: 'stagne' })]);
	});
});

describe('self-assessment vs audit', () => {
	it('compares both phases on pairs only (same ML, same campaign)', async () => {
		const rows = await db.query<SelfAuditGap>(selfAuditQuery(scope));
		// A3 (self only) and B2 (self 2024, audit 2025) are not pairs.
		expect(rows).toEqual([
			expect.objectContaining({ criterion_id: '1.2', pairs: 1, mean_self: 4, mean_audit: 3, gap: 1 }),
			expect.objectContaining({ criterion_id: '1.1', pairs: 2, mean_self: 2.75, mean_audit: 2, gap: 0.75 })
		]);
	});

	it('takes each ML’s latest campaign with both phases, and finds no pair where one phase is missing', async () => {
		const latest = await db.query<SelfAuditGap>(selfAuditQuery({ ...scope, campaign: 'latest' }));
		expect(latest.map((r) => [r.criterion_id, r.pairs, r.gap])).toEqual([
			['5.4', 1, 2],
			['1.2', 1, 1],
			['1.1', 2, 0.75]
		]);
		expect(await db.query<SelfAuditGap>(selfAuditQuery({ ...scope, campaign: 2025 }))).toEqual([]);
	});
});

describe('one criterion', () => {
	const options = { ...scope, criterion: '1.1' };

	it('counts the MLs below the threshold in each ARML, highest share first', async () => {
		const rows = await db.query<ArmlBelow>(criterionArmlQuery(options));
		expect(rows.map((r) => [r.arml_code, r.n, r.below, r.share_below])).toEqual([
			['antilles-guyane', 2, 1, 0.5],
			['bretagne', 3, 1, 1 / 3]
		]);
		expect(rows[1].mean).toBeCloseTo(9.5 / 3, 12);
	});

	it('lists the MLs below the threshold, lowest score first', async () => {
		const rows = await db.query<MlBelow>(criterionMlsQuery(options));
		expect(rows.map((r) => [r.ml_id, r.arml_code, r.score])).toEqual([
			['B1', 'antilles-guyane', 2],
			['A2', 'bretagne', 2.5]
		]);
		expect(rows[0].nom).toBe('Mission Locale B1');
	});

	it('counts the distinct Missions Locales noted on any element, not the largest element count', async () => {
		// 1.1.a: A1, A2, A3; 1.1.b: A1, A2, B2 → 4 Missions Locales, though no element has more than 3.
		const rows = await db.query<ElementMean>(elementMeansQuery(options));
		expect(rows.map((r) => r.mls)).toEqual([4, 4]);
	});

	it('ranks the criterion’s elements from element-level rows, weakest first', async () => {
		// Elements count even where a criterion-level row sets the score (A1: 1.1.a 1, 1.1.b 1).
		const rows = await db.query<ElementMean>(elementMeansQuery(options));
		expect(rows.map((r) => [r.element_id, r.n, r.share_below])).toEqual([
			['1.1.a', 3, 2 / 3],
			['1.1.b', 3, 1 / 3]
		]);
		expect(rows[0].mean).toBeCloseTo(7 / 3, 12);
		expect(rows[1].mean).toBeCloseTo(8 / 3, 12);
		expect(rows[0].text.length).toBeGreaterThan(0);
		const antilles2025 = await db.query<ElementMean>(
			elementMeansQuery({ ...options, campaign: 2025, arml: 'antilles-guyane' })
		);
		expect(antilles2025.map((r) => [r.element_id, r.mean])).toEqual([
			['1.1.b', 2],
			['1.1.a', 3]
		]);
	});
});
