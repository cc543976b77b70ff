import type { ArmlViewOptions } from '../model/views';
import { RATES, type Rate } from '../model/domain';
import type { ArmlSummary, CriterionGap, MlRank, MlRates } from '../model/rows';
import { CRITERIA } from './referentiel';
import { groupOfMl, mlRank, overallOf } from './indexes';
import { C, compare, criterionSums, placed, sortKey } from './scope';
import { STATUSES_AT_DATE, type Cube } from './types';

/** The index of an ARML code in `cube.arml`, -1 when the cube does not know it. */
const armlIndex = (cube: Cube, code: string | null | undefined) => (code ? cube.arml.code.indexOf(code) : -1);

/** `armlIndexQuery` on the cube. */
export function armlIndexRows(
	cube: Cube,
	options: ArmlViewOptions & { arml?: string | null }
): ArmlSummary[] {
	const p = placed(cube);
	const groupOf = groupOfMl(cube, options.campaign, options.phase);
	const overall = overallOf(cube);
	const LABELLED = STATUSES_AT_DATE.indexOf('labellisee');
	// Per ARML, and the network in the last slot: MLs, labelled, overall scores' sum and count.
	const A = cube.arml.code.length;
	const mls = new Int32Array(A + 1);
	const labelled = new Int32Array(A + 1);
	const sum = new Float64Array(A + 1);
	const assessed = new Int32Array(A + 1);
	for (let ml = 0; ml < groupOf.length; ml++) {
		const g = groupOf[ml];
		const o = g < 0 ? NaN : overall[g];
		const isLabelled = cube.mls.status[ml] === LABELLED ? 1 : 0;
		const add = (a: number) => {
			mls[a]++;
			labelled[a] += isLabelled;
			if (Number.isNaN(o)) return;
			sum[a] += o;
			assessed[a]++;
		};
		if (p.arml[ml] >= 0) add(p.arml[ml]);
		add(A);
	}
	const line = (code: string | null, name: string, a: number): ArmlSummary => ({
		arml_code: code,
		arml_nom: name,
		mls: mls[a],
		labelled: labelled[a],
		labelled_share: mls[a] ? labelled[a] / mls[a] : null,
		overall: assessed[a] ? sum[a] / assessed[a] : null,
		assessed: assessed[a]
	});
	const lines = cube.arml.code
		.map((code, a) => ({ code, a }))
		.filter(({ code }) => !options.arml || code === options.arml)
		.map(({ code, a }) => line(code, cube.arml.name[a], a))
		.sort((a, b) => compare(sortKey(a.arml_nom), sortKey(b.arml_nom)));
	return [...lines, line(null, 'Ensemble du réseau', A)];
}

/** DuckDB's text of a DOUBLE (`CAST(score AS VARCHAR)`). */
const doubleText = (v: number) => (Number.isInteger(v) ? v.toFixed(1) : String(v));

/** `armlRankingQuery` on the cube. */
export function armlRankingRows(
	cube: Cube,
	options: ArmlViewOptions & { arml: string; threshold: number }
): MlRank[] {
	const p = placed(cube);
	const a = armlIndex(cube, options.arml);
	const groupOf = groupOfMl(cube, options.campaign, options.phase);
	const overall = overallOf(cube);
	const members: (MlRank & { ml: number })[] = [];
	for (let ml = 0; a >= 0 && ml < groupOf.length; ml++) {
		if (p.arml[ml] !== a) continue;
		const g = groupOf[ml];
		const scored: { score: number; c: number }[] = [];
		for (let c = 0; g >= 0 && c < C; c++) {
			const k = cube.scoreCount[g * C + c];
			if (k) scored.push({ score: cube.scoreSum[g * C + c] / k, c });
		}
		scored.sort((x, y) => x.score - y.score || CRITERIA[x.c].position - CRITERIA[y.c].position);
		const weakest = scored.slice(0, 3);
		members.push({
			ml,
			ml_id: cube.mls.id[ml],
			nom: cube.mls.name[ml],
			commune: cube.mls.commune[ml],
			status: STATUSES_AT_DATE[cube.mls.status[ml]],
			criteria: scored.length,
			overall: g < 0 || Number.isNaN(overall[g]) ? null : overall[g],
			rank: null,
			ranked: 0,
			below: scored.filter((v) => v.score < options.threshold).length,
			weakest_ids: weakest.length ? weakest.map((v) => CRITERIA[v.c].id).join(';') : null,
			weakest_scores: weakest.length ? weakest.map((v) => doubleText(v.score)).join(';') : null
		});
	}
	// Ranks as `rank()` over the rounded overall scores, largest first (ties share a rank).
	const round2 = (v: number) => Math.round(v * 100) / 100;
	const rankedScores = Float64Array.from(
		members.filter((m) => m.overall !== null).map((m) => round2(m.overall!))
	).sort();
	for (const m of members) {
		m.ranked = rankedScores.length;
		if (m.overall !== null) m.rank = rankedScores.length - upperBound(rankedScores, round2(m.overall)) + 1;
	}
	const byName = mlRank(cube, 'sortKey');
	return members
		.sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || byName[x.ml] - byName[y.ml])
		.map(({ ml: _ml, ...row }) => row);
}

/** The number of values of an ascending array at most `v`. */
function upperBound(sorted: Float64Array, v: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid] <= v) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** `armlGapQuery` on the cube. */
export function armlGapRows(cube: Cube, options: ArmlViewOptions & { arml: string }): CriterionGap[] {
	const { national, nationalN, arml, armlN } = criterionSums(
		cube,
		options.campaign,
		options.phase,
		armlIndex(cube, options.arml)
	);
	return CRITERIA.map((cr, c) => {
		const armlMean = armlN[c] ? arml[c] / armlN[c] : null;
		const nationalMean = nationalN[c] ? national[c] / nationalN[c] : null;
		return {
			criterion_id: cr.id,
			short_label: cr.shortLabel,
			title: cr.title,
			chapter_id: cr.chapter,
			position: cr.position,
			arml_mean: armlMean,
			arml_n: armlN[c],
			national_mean: nationalMean,
			national_n: nationalN[c],
			gap: armlMean === null || nationalMean === null ? null : armlMean - nationalMean
		};
	});
}

/** `keyFigureYearsQuery` on the cube: years with key figures, latest first. */
export function keyFigureYearRows(cube: Cube): { annee: number }[] {
	return [...new Set(cube.figures.year)].sort((a, b) => b - a).map((annee) => ({ annee }));
}

/** DuckDB's `median` (interpolated between the two middle values), null when none. */
export function median(values: number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const pos = (sorted.length - 1) / 2;
	const lo = sorted[Math.floor(pos)];
	const hi = sorted[Math.ceil(pos)];
	return lo + (hi - lo) * (pos - Math.floor(pos));
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/** The `rates` CTE for one row of key figures. */
export function ratesOf(cube: Cube, i: number) {
	const jeunes = orNull(cube.figures.values.jeunes_accompagnes[i]);
	const row: Record<string, number | null> = { jeunes_accompagnes: jeunes };
	for (const r of RATES) {
		const v = orNull(cube.figures.values[r][i]);
		row[r] = v;
		row[`${r}_rate`] = v === null || !jeunes ? null : (100 * v) / jeunes;
	}
	return row;
}

/** National medians of the rates over rows of key figures (`nationalMedians`). */
export function medians(rows: Record<string, number | null>[], suffix: 'national' | 'arml') {
	return Object.fromEntries(
		RATES.map((r: Rate) => [
			`${r}_${suffix}`,
			median(rows.map((row) => row[`${r}_rate`]).filter((v): v is number => v !== null))
		])
	);
}

const nationalCache = new WeakMap<Cube, Map<number, Record<string, number | null>>>();

/**
 * The national medians of a year's rates and its number of MLs (`nationalMedians`): the same for
 * every ARML and ML, kept per cube and year.
 */
export function nationalOf(cube: Cube, year: number): Record<string, number | null> {
	let byYear = nationalCache.get(cube);
	if (!byYear) nationalCache.set(cube, (byYear = new Map()));
	let national = byYear.get(year);
	if (!national) {
		const rows: Record<string, number | null>[] = [];
		for (let i = 0; i < cube.figures.year.length; i++)
			if (cube.figures.year[i] === year) rows.push(ratesOf(cube, i));
		byYear.set(year, (national = { ...medians(rows, 'national'), national_mls: rows.length }));
	}
	return national;
}

/** `armlRatesQuery` on the cube. */
export function armlRatesRows(cube: Cube, options: { arml: string; year: number | null }): MlRates[] {
	const years = cube.figures.year;
	if (!years.length) return [];
	const target = options.year ?? Math.max(...years);
	const p = placed(cube);
	const a = armlIndex(cube, options.arml);
	const members: number[] = [];
	for (let i = 0; a >= 0 && i < years.length; i++)
		if (years[i] === target && p.arml[cube.figures.ml[i]] === a) members.push(i);
	const national = nationalOf(cube, target);
	const rates = members.map((i) => ratesOf(cube, i));
	const regional = medians(rates, 'arml');
	const byName = mlRank(cube, 'sortKey');
	return members
		.map((i, k) => ({ i, k, rank: byName[cube.figures.ml[i]] }))
		.sort((x, y) => x.rank - y.rank)
		.map(
			({ i, k }) =>
				({
					ml_id: cube.mls.id[cube.figures.ml[i]],
					annee: target,
					...rates[k],
					nom: cube.mls.name[cube.figures.ml[i]],
					...national,
					...regional
				}) as MlRates
		);
}
