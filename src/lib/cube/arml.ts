import type { ArmlViewOptions } from '../model/views';
import { RATES, type Rate } from '../model/domain';
import type { ArmlSummary, CriterionGap, MlRank, MlRates } from '../model/rows';
import { CRITERIA } from './referentiel';
import { compare, mean, picked, placed, score, sortKey } from './scope';
import { STATUSES_AT_DATE, type Cube } from './types';

/** Per ML, its picked group for a campaign choice and phase (as `picked` of the ARML queries). */
function groupsByMl(cube: Cube, options: ArmlViewOptions): Map<number, number> {
	return new Map(picked(cube, options.campaign, options.phase).map((g) => [cube.groups.ml[g], g]));
}

/** The scores of a group, by criterion index (null when not scored). */
function scores(cube: Cube, g: number | undefined): (number | null)[] {
	return CRITERIA.map((_, c) => (g === undefined ? null : score(cube, g, c)));
}

/** An ML's overall score: the mean of its criteria, when all are scored. */
function overall(values: (number | null)[]): number | null {
	return values.every((v) => v !== null) ? mean(values as number[]) : null;
}

/** `armlIndexQuery` on the cube. */
export function armlIndexRows(
	cube: Cube,
	options: ArmlViewOptions & { arml?: string | null }
): ArmlSummary[] {
	const p = placed(cube);
	const groups = groupsByMl(cube, options);
	const line = (code: string | null, name: string, mls: number[]): ArmlSummary => {
		const overalls = mls
			.map((ml) => overall(scores(cube, groups.get(ml))))
			.filter((o): o is number => o !== null);
		const labelled = mls.filter((ml) => STATUSES_AT_DATE[cube.mls.status[ml]] === 'labellisee').length;
		return {
			arml_code: code,
			arml_nom: name,
			mls: mls.length,
			labelled,
			labelled_share: mls.length ? labelled / mls.length : null,
			overall: mean(overalls),
			assessed: overalls.length
		};
	};
	const all = cube.mls.id.map((_, i) => i);
	const lines = cube.arml.code
		.map((code, i) => ({ code, name: cube.arml.name[i] }))
		.filter((a) => !options.arml || a.code === options.arml)
		.map((a) =>
			line(
				a.code,
				a.name,
				all.filter((ml) => p.armlCode[ml] === a.code)
			)
		)
		.sort((a, b) => compare(sortKey(a.arml_nom), sortKey(b.arml_nom)));
	return [...lines, line(null, 'Ensemble du réseau', all)];
}

/** DuckDB's text of a DOUBLE (`CAST(score AS VARCHAR)`). */
const doubleText = (v: number) => (Number.isInteger(v) ? v.toFixed(1) : String(v));

/** `armlRankingQuery` on the cube. */
export function armlRankingRows(
	cube: Cube,
	options: ArmlViewOptions & { arml: string; threshold: number }
): MlRank[] {
	const p = placed(cube);
	const groups = groupsByMl(cube, options);
	const members = cube.mls.id
		.map((_, ml) => ml)
		.filter((ml) => p.armlCode[ml] === options.arml)
		.map((ml) => {
			const values = scores(cube, groups.get(ml));
			const scored = values
				.map((score, c) => ({ score, c }))
				.filter((v): v is { score: number; c: number } => v.score !== null)
				.sort((a, b) => a.score - b.score || CRITERIA[a.c].position - CRITERIA[b.c].position);
			const weakest = scored.slice(0, 3);
			return {
				ml_id: cube.mls.id[ml],
				nom: cube.mls.name[ml],
				commune: cube.mls.commune[ml],
				status: STATUSES_AT_DATE[cube.mls.status[ml]],
				criteria: scored.length,
				overall: overall(values),
				rank: null as number | null,
				ranked: 0,
				below: scored.filter((v) => v.score < options.threshold).length,
				weakest_ids: weakest.length ? weakest.map((v) => CRITERIA[v.c].id).join(';') : null,
				weakest_scores: weakest.length ? weakest.map((v) => doubleText(v.score)).join(';') : null
			};
		});
	const round2 = (v: number) => Math.round(v * 100) / 100;
	const rankedScores = members.filter((m) => m.overall !== null).map((m) => round2(m.overall!));
	for (const m of members) {
		m.ranked = rankedScores.length;
		if (m.overall !== null) m.rank = 1 + rankedScores.filter((s) => s > round2(m.overall!)).length;
	}
	return members.sort(
		(a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compare(sortKey(a.nom), sortKey(b.nom))
	);
}

/** `armlGapQuery` on the cube. */
export function armlGapRows(cube: Cube, options: ArmlViewOptions & { arml: string }): CriterionGap[] {
	const p = placed(cube);
	const groups = picked(cube, options.campaign, options.phase);
	return CRITERIA.map((c, ci) => {
		const national: number[] = [];
		const arml: number[] = [];
		for (const g of groups) {
			const v = score(cube, g, ci);
			if (v === null) continue;
			national.push(v);
			if (p.armlCode[cube.groups.ml[g]] === options.arml) arml.push(v);
		}
		const armlMean = mean(arml);
		const nationalMean = mean(national);
		return {
			criterion_id: c.id,
			short_label: c.shortLabel,
			title: c.title,
			chapter_id: c.chapter,
			position: c.position,
			arml_mean: armlMean,
			arml_n: arml.length,
			national_mean: nationalMean,
			national_n: national.length,
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

/** `armlRatesQuery` on the cube. */
export function armlRatesRows(cube: Cube, options: { arml: string; year: number | null }): MlRates[] {
	const years = cube.figures.year;
	if (!years.length) return [];
	const target = options.year ?? Math.max(...years);
	const p = placed(cube);
	const all: number[] = [];
	for (let i = 0; i < years.length; i++) if (years[i] === target) all.push(i);
	const national = {
		...medians(
			all.map((i) => ratesOf(cube, i)),
			'national'
		),
		national_mls: all.length
	};
	const members = all.filter((i) => p.armlCode[cube.figures.ml[i]] === options.arml);
	const regional = medians(
		members.map((i) => ratesOf(cube, i)),
		'arml'
	);
	return members
		.map(
			(i) =>
				({
					ml_id: cube.mls.id[cube.figures.ml[i]],
					annee: target,
					...ratesOf(cube, i),
					nom: cube.mls.name[cube.figures.ml[i]],
					...national,
					...regional
				}) as MlRates
		)
		.sort((a, b) => compare(sortKey(a.nom), sortKey(b.nom)));
}
