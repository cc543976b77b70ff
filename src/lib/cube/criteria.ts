import { STALL, type ChangeOptions, type CriteriaScope, type CriterionOptions } from '../model/views';
import type {
	ArmlBelow,
	CriterionChange,
	CriterionRank,
	ElementMean,
	MlBelow,
	SelfAuditGap
} from '../model/rows';
import { CRITERIA, CRITERION_INDEX, ELEMENTS } from './referentiel';
import { mlRank, UNKNOWN } from './indexes';
import { C, compare, E, inScope, picked, placed, stripAccents } from './scope';
import type { Cube } from './types';

/** Per criterion, the count and sum of the scores of the MLs in scope (`units`), and what `each` adds. */
function perCriterion(
	cube: Cube,
	scope: Omit<CriteriaScope, 'threshold'>,
	each?: (c: number, score: number, ml: number) => void
): { n: Int32Array; sum: Float64Array; mls: number } {
	const keep = inScope(cube, scope);
	const { scoreSum, scoreCount } = cube;
	const n = new Int32Array(C);
	const sum = new Float64Array(C);
	let mls = 0;
	for (const g of picked(cube, scope.campaign, scope.phase)) {
		const ml = cube.groups.ml[g];
		if (!keep[ml]) continue;
		let scored = false;
		for (let c = 0; c < C; c++) {
			const k = scoreCount[g * C + c];
			if (!k) continue;
			const v = scoreSum[g * C + c] / k;
			scored = true;
			n[c]++;
			sum[c] += v;
			each?.(c, v, ml);
		}
		if (scored) mls++;
	}
	return { n, sum, mls };
}

// The level a score has reached (2.99 → 2, 3 → 3), as `criteriaRankingQuery` counts it.
const level = (score: number) => Math.min(4, Math.max(1, Math.floor(score)));

/** Each ML's slot for per-ARML sums: its ARML's index, or the last slot when unknown (`?`). */
export function armlSlots(cube: Cube): { slot: Int32Array; code: string[]; name: string[] } {
	const p = placed(cube);
	const last = cube.arml.code.length;
	return {
		slot: p.arml.map((a) => (a < 0 ? last : a)),
		code: [...cube.arml.code, '?'],
		name: [...cube.arml.name, UNKNOWN]
	};
}

/** `criteriaRankingQuery` on the cube. */
export function criteriaRankingRows(cube: Cube, scope: CriteriaScope): CriterionRank[] {
	const below = new Int32Array(C);
	const levels = new Int32Array(C * 4);
	const { n, sum, mls } = perCriterion(cube, scope, (c, v) => {
		if (v < scope.threshold) below[c]++;
		levels[c * 4 + level(v) - 1]++;
	});
	const rows: CriterionRank[] = [];
	for (let c = 0; c < C; c++) {
		if (!n[c]) continue;
		const cr = CRITERIA[c];
		rows.push({
			...identity(cr),
			n: n[c],
			below: below[c],
			share_below: below[c] / n[c],
			mean: sum[c] / n[c],
			level_1: levels[c * 4],
			level_2: levels[c * 4 + 1],
			level_3: levels[c * 4 + 2],
			level_4: levels[c * 4 + 3],
			mls
		});
	}
	return rows.sort(
		(a, b) => b.share_below - a.share_below || round9(a.mean) - round9(b.mean) || a.position - b.position
	);
}

/** What every per-criterion row says of its criterion, as the SQL's `criteria` table gives it. */
const identity = (cr: (typeof CRITERIA)[number]) => ({
	criterion_id: cr.id,
	short_label: cr.shortLabel,
	title: cr.title,
	position: cr.position
});

/**
 * DuckDB's `round(x, 9)` (half away from zero). Means and differences are compared rounded so,
 * in the cube and in SQL: two criteria tied in truth are tied, whatever order each engine summed
 * their scores in (the last bits differed, and the tie was broken differently).
 */
const round9 = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 1e9)) / 1e9;

/** `criteriaChangeQuery` on the cube. */
export function criteriaChangeRows(cube: Cube, options: ChangeOptions): CriterionChange[] {
	const from = perCriterion(cube, { ...options, campaign: options.from });
	const to = perCriterion(cube, { ...options, campaign: options.to });
	const rows: CriterionChange[] = [];
	CRITERIA.forEach((cr, c) => {
		if (!from.n[c] && !to.n[c]) return;
		const meanFrom = from.n[c] ? from.sum[c] / from.n[c] : null;
		const meanTo = to.n[c] ? to.sum[c] / to.n[c] : null;
		const delta = meanFrom === null || meanTo === null ? null : meanTo - meanFrom;
		rows.push({
			...identity(cr),
			mean_from: meanFrom,
			n_from: from.n[c],
			mean_to: meanTo,
			n_to: to.n[c],
			delta,
			trend:
				delta === null
					? null
					: Math.abs(round9(delta)) < STALL
						? 'stagne'
						: delta > 0
							? 'progresse'
							: 'recule'
		});
	});
	return rows.sort(
		(a, b) =>
			(a.delta === null ? 1 : 0) - (b.delta === null ? 1 : 0) ||
			round9(a.delta ?? 0) - round9(b.delta ?? 0) ||
			a.position - b.position
	);
}

type Pairs = { ml: Int32Array; campaign: Int32Array; self: Int32Array; latest: Map<number, number> };
const pairsCache = new WeakMap<Cube, Pairs>();

/**
 * The (self-assessment, audit) group pairs of the same ML and campaign, and each ML's latest
 * campaign with a criterion scored in both: they do not depend on the filters, kept per cube.
 */
function pairsOf(cube: Cube): Pairs {
	const cached = pairsCache.get(cube);
	if (cached) return cached;
	const { ml, campaign, phase } = cube.groups;
	const { scoreCount } = cube;
	const mls: number[] = [];
	const campaigns: number[] = [];
	const selves: number[] = [];
	const latest = new Map<number, number>();
	// Groups are sorted by ML, campaign, phase (0 = self-assessment, 1 = audit).
	for (let g = 0; g + 1 < ml.length; g++) {
		if (ml[g] !== ml[g + 1] || campaign[g] !== campaign[g + 1] || phase[g] !== 0 || phase[g + 1] !== 1)
			continue;
		mls.push(ml[g]);
		campaigns.push(campaign[g]);
		selves.push(g);
		let both = false;
		for (let c = 0; c < C && !both; c++) both = scoreCount[g * C + c] > 0 && scoreCount[(g + 1) * C + c] > 0;
		if (both) latest.set(ml[g], Math.max(latest.get(ml[g]) ?? -Infinity, campaign[g]));
	}
	const pairs = {
		ml: Int32Array.from(mls),
		campaign: Int32Array.from(campaigns),
		self: Int32Array.from(selves),
		latest
	};
	pairsCache.set(cube, pairs);
	return pairs;
}

/** `selfAuditQuery` on the cube: self-assessment against audit, on pairs. */
export function selfAuditRows(cube: Cube, scope: Omit<CriteriaScope, 'phase' | 'threshold'>): SelfAuditGap[] {
	const keep = inScope(cube, scope);
	const pairs = pairsOf(cube);
	const { scoreSum, scoreCount } = cube;
	const n = new Int32Array(C);
	const self = new Float64Array(C);
	const audit = new Float64Array(C);
	const gap = new Float64Array(C);
	for (let i = 0; i < pairs.ml.length; i++) {
		const ml = pairs.ml[i];
		if (!keep[ml]) continue;
		const wanted = scope.campaign === 'latest' ? pairs.latest.get(ml) : scope.campaign;
		if (pairs.campaign[i] !== wanted) continue;
		const s = pairs.self[i] * C;
		const a = s + C;
		for (let c = 0; c < C; c++) {
			const ks = scoreCount[s + c];
			const ka = scoreCount[a + c];
			if (!ks || !ka) continue;
			const vs = scoreSum[s + c] / ks;
			const va = scoreSum[a + c] / ka;
			n[c]++;
			self[c] += vs;
			audit[c] += va;
			gap[c] += vs - va;
		}
	}
	const rows: SelfAuditGap[] = [];
	for (let c = 0; c < C; c++) {
		if (!n[c]) continue;
		const cr = CRITERIA[c];
		rows.push({
			...identity(cr),
			pairs: n[c],
			mean_self: self[c] / n[c],
			mean_audit: audit[c] / n[c],
			gap: gap[c] / n[c]
		});
	}
	return rows.sort((a, b) => round9(b.gap) - round9(a.gap) || a.position - b.position);
}

/** Calls `each` with every score of criterion `c` of an ML in scope (`units` of one criterion). */
export function scoresOf(
	cube: Cube,
	scope: CriteriaScope,
	c: number,
	each: (ml: number, score: number) => void
) {
	const keep = inScope(cube, scope);
	const { scoreSum, scoreCount } = cube;
	for (const g of picked(cube, scope.campaign, scope.phase)) {
		const ml = cube.groups.ml[g];
		const k = scoreCount[g * C + c];
		if (keep[ml] && k) each(ml, scoreSum[g * C + c] / k);
	}
}

/** `criterionArmlQuery` on the cube. */
export function criterionArmlRows(cube: Cube, options: CriterionOptions): ArmlBelow[] {
	const c = CRITERION_INDEX.get(options.criterion);
	if (c === undefined) return [];
	const { slot, code, name } = armlSlots(cube);
	const n = new Int32Array(code.length);
	const below = new Int32Array(code.length);
	const sum = new Float64Array(code.length);
	scoresOf(cube, options, c, (ml, v) => {
		const a = slot[ml];
		n[a]++;
		sum[a] += v;
		if (v < options.threshold) below[a]++;
	});
	const rows: ArmlBelow[] = [];
	for (let a = 0; a < code.length; a++)
		if (n[a])
			rows.push({
				arml_code: code[a],
				arml_nom: name[a],
				n: n[a],
				below: below[a],
				share_below: below[a] / n[a],
				mean: sum[a] / n[a]
			});
	return rows.sort(
		(a, b) =>
			b.share_below - a.share_below ||
			b.below - a.below ||
			compare(stripAccents(a.arml_nom), stripAccents(b.arml_nom))
	);
}

/** `criterionMlsQuery` on the cube. */
export function criterionMlRows(cube: Cube, options: CriterionOptions): MlBelow[] {
	const c = CRITERION_INDEX.get(options.criterion);
	if (c === undefined) return [];
	const p = placed(cube);
	const rank = mlRank(cube, 'name');
	const found: { ml: number; score: number }[] = [];
	scoresOf(cube, options, c, (ml, score) => {
		if (score < options.threshold) found.push({ ml, score });
	});
	return found
		.sort((a, b) => a.score - b.score || rank[a.ml] - rank[b.ml])
		.map(({ ml, score }) => ({
			ml_id: cube.mls.id[ml],
			nom: cube.mls.name[ml],
			arml_code: p.armlCode[ml] ?? '?',
			arml_nom: p.armlName[ml] ?? UNKNOWN,
			score
		}));
}

/** `elementMeansQuery` on the cube. */
export function elementMeanRows(cube: Cube, options: CriterionOptions): ElementMean[] {
	const keep = inScope(cube, options);
	const groups = picked(cube, options.campaign, options.phase);
	const { elementSum, elementCount } = cube;
	const out: Omit<ElementMean, 'mls'>[] = [];
	const noted = new Uint8Array(cube.mls.id.length);
	let mls = 0;
	ELEMENTS.forEach((e, i) => {
		if (CRITERIA[e.criterion].id !== options.criterion) return;
		let n = 0;
		let sum = 0;
		let below = 0;
		for (const g of groups) {
			const ml = cube.groups.ml[g];
			const k = elementCount[g * E + i];
			if (!keep[ml] || !k) continue;
			const v = elementSum[g * E + i] / k;
			n++;
			sum += v;
			if (v < options.threshold) below++;
			if (!noted[ml]) mls += noted[ml] = 1;
		}
		if (!n) return;
		out.push({
			element_id: e.id,
			text: e.text,
			position: e.position,
			mean: sum / n,
			n,
			share_below: below / n
		});
	});
	return out
		.map((r) => ({ ...r, mls }))
		.sort((a, b) => round9(a.mean) - round9(b.mean) || a.position - b.position);
}
