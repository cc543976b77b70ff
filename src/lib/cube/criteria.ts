import {
	STALL,
	type ChangeOptions,
	type CriteriaScope,
	type CriterionOptions,
	type TrainingOptions
} from '../model/views';
import type {
	ArmlBelow,
	CriterionChange,
	CriterionRank,
	ElementMean,
	MlBelow,
	SelfAuditGap,
	TrainingCount,
	TrainingTarget
} from '../model/rows';
import { CRITERIA, CRITERION_INDEX, ELEMENTS } from './referentiel';
import { compare, elementLevel, inScope, mean, picked, placed, score, stripAccents } from './scope';
import type { Cube } from './types';

type Unit = { ml: number; g: number; c: number; score: number };

/** `units`: one score per ML in scope and criterion, for the scope's phase and campaign. */
function units(cube: Cube, scope: Omit<CriteriaScope, 'threshold'>, only?: (c: number) => boolean): Unit[] {
	const keep = inScope(cube, scope);
	const out: Unit[] = [];
	for (const g of picked(cube, scope.campaign, scope.phase)) {
		const ml = cube.groups.ml[g];
		if (!keep[ml]) continue;
		for (let c = 0; c < CRITERIA.length; c++) {
			if (only && !only(c)) continue;
			const v = score(cube, g, c);
			if (v !== null) out.push({ ml, g, c, score: v });
		}
	}
	return out;
}

// The level a score has reached (2.99 → 2, 3 → 3), as `criteriaRankingQuery` counts it.
const level = (score: number) => Math.min(4, Math.max(1, Math.floor(score)));
const armlOf = (cube: Cube, ml: number) => {
	const p = placed(cube);
	return { code: p.armlCode[ml] ?? '?', name: p.armlName[ml] ?? 'Département inconnu' };
};

function byCriterion<T extends { c: number }>(items: T[]): Map<number, T[]> {
	const map = new Map<number, T[]>();
	for (const item of items) {
		const list = map.get(item.c);
		if (list) list.push(item);
		else map.set(item.c, [item]);
	}
	return map;
}

/** `criteriaRankingQuery` on the cube. */
export function criteriaRankingRows(cube: Cube, scope: CriteriaScope): CriterionRank[] {
	const all = units(cube, scope);
	const mls = new Set(all.map((u) => u.ml)).size;
	return [...byCriterion(all)]
		.map(([c, list]) => {
			const below = list.filter((u) => u.score < scope.threshold).length;
			const levels = list.map((u) => level(u.score));
			const cr = CRITERIA[c];
			return {
				criterion_id: cr.id,
				short_label: cr.shortLabel,
				title: cr.title,
				position: cr.position,
				n: list.length,
				below,
				share_below: below / list.length,
				mean: mean(list.map((u) => u.score))!,
				level_1: levels.filter((l) => l === 1).length,
				level_2: levels.filter((l) => l === 2).length,
				level_3: levels.filter((l) => l === 3).length,
				level_4: levels.filter((l) => l === 4).length,
				mls
			};
		})
		.sort((a, b) => b.share_below - a.share_below || a.mean - b.mean || a.position - b.position);
}

/** DuckDB's `round(x, 9)` (half away from zero). */
const round9 = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 1e9)) / 1e9;

/** `criteriaChangeQuery` on the cube. */
export function criteriaChangeRows(cube: Cube, options: ChangeOptions): CriterionChange[] {
	const at = (campaign: number) => {
		const list = units(cube, { ...options, campaign });
		return byCriterion(list);
	};
	const from = at(options.from);
	const to = at(options.to);
	const rows: CriterionChange[] = [];
	CRITERIA.forEach((cr, c) => {
		const f = from.get(c);
		const t = to.get(c);
		if (!f && !t) return;
		const meanFrom = f ? mean(f.map((u) => u.score)) : null;
		const meanTo = t ? mean(t.map((u) => u.score)) : null;
		const delta = meanFrom === null || meanTo === null ? null : meanTo - meanFrom;
		rows.push({
			criterion_id: cr.id,
			short_label: cr.shortLabel,
			title: cr.title,
			position: cr.position,
			mean_from: meanFrom,
			n_from: f?.length ?? 0,
			mean_to: meanTo,
			n_to: t?.length ?? 0,
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
			(a.delta ?? 0) - (b.delta ?? 0) ||
			a.position - b.position
	);
}

/** `selfAuditQuery` on the cube: self-assessment against audit, on pairs. */
export function selfAuditRows(cube: Cube, scope: Omit<CriteriaScope, 'phase' | 'threshold'>): SelfAuditGap[] {
	const keep = inScope(cube, scope);
	const { ml, campaign, phase } = cube.groups;
	// Groups are sorted by ML, campaign, phase (0 = self-assessment, 1 = audit).
	const pairs: { ml: number; campaign: number; self: number; audit: number }[] = [];
	for (let g = 0; g + 1 < ml.length; g++)
		if (ml[g] === ml[g + 1] && campaign[g] === campaign[g + 1] && phase[g] === 0 && phase[g + 1] === 1)
			pairs.push({ ml: ml[g], campaign: campaign[g], self: g, audit: g + 1 });
	const rows: { c: number; self: number; audit: number }[] = [];
	const latest = new Map<number, number>();
	for (const p of pairs)
		if (CRITERIA.some((_, c) => score(cube, p.self, c) !== null && score(cube, p.audit, c) !== null))
			latest.set(p.ml, Math.max(latest.get(p.ml) ?? -Infinity, p.campaign));
	for (const p of pairs) {
		if (!keep[p.ml]) continue;
		if (scope.campaign === 'latest' ? latest.get(p.ml) !== p.campaign : p.campaign !== scope.campaign)
			continue;
		CRITERIA.forEach((_, c) => {
			const self = score(cube, p.self, c);
			const audit = score(cube, p.audit, c);
			if (self !== null && audit !== null) rows.push({ c, self, audit });
		});
	}
	return [...byCriterion(rows)]
		.map(([c, list]) => {
			const cr = CRITERIA[c];
			return {
				criterion_id: cr.id,
				short_label: cr.shortLabel,
				title: cr.title,
				position: cr.position,
				pairs: list.length,
				mean_self: mean(list.map((r) => r.self))!,
				mean_audit: mean(list.map((r) => r.audit))!,
				gap: mean(list.map((r) => r.self - r.audit))!
			};
		})
		.sort((a, b) => b.gap - a.gap || a.position - b.position);
}

/** `criterionArmlQuery` on the cube. */
export function criterionArmlRows(cube: Cube, options: CriterionOptions): ArmlBelow[] {
	const c = CRITERION_INDEX.get(options.criterion);
	const groups = new Map<string, { name: string; scores: number[] }>();
	for (const u of units(cube, options, (i) => i === c)) {
		const arml = armlOf(cube, u.ml);
		const entry = groups.get(arml.code) ?? { name: arml.name, scores: [] };
		entry.scores.push(u.score);
		groups.set(arml.code, entry);
	}
	return [...groups]
		.map(([code, { name, scores }]) => {
			const below = scores.filter((s) => s < options.threshold).length;
			return {
				arml_code: code,
				arml_nom: name,
				n: scores.length,
				below,
				share_below: below / scores.length,
				mean: mean(scores)!
			};
		})
		.sort(
			(a, b) =>
				b.share_below - a.share_below ||
				b.below - a.below ||
				compare(stripAccents(a.arml_nom), stripAccents(b.arml_nom))
		);
}

/** `criterionMlsQuery` on the cube. */
export function criterionMlRows(cube: Cube, options: CriterionOptions): MlBelow[] {
	const c = CRITERION_INDEX.get(options.criterion);
	return units(cube, options, (i) => i === c)
		.filter((u) => u.score < options.threshold)
		.map((u) => {
			const arml = armlOf(cube, u.ml);
			return {
				ml_id: cube.mls.id[u.ml],
				nom: cube.mls.name[u.ml],
				arml_code: arml.code,
				arml_nom: arml.name,
				score: u.score
			};
		})
		.sort(
			(a, b) =>
				a.score - b.score || compare(stripAccents(a.nom), stripAccents(b.nom)) || compare(a.ml_id, b.ml_id)
		);
}

/** `elementMeansQuery` on the cube. */
export function elementMeanRows(cube: Cube, options: CriterionOptions): ElementMean[] {
	const keep = inScope(cube, options);
	const out: Omit<ElementMean, 'mls'>[] = [];
	const noted = new Set<number>();
	ELEMENTS.forEach((e, i) => {
		if (CRITERIA[e.criterion].id !== options.criterion) return;
		const levels: number[] = [];
		for (const g of picked(cube, options.campaign, options.phase)) {
			if (!keep[cube.groups.ml[g]]) continue;
			const v = elementLevel(cube, g, i);
			if (v !== null) {
				levels.push(v);
				noted.add(cube.groups.ml[g]);
			}
		}
		if (!levels.length) return;
		out.push({
			element_id: e.id,
			text: e.text,
			position: e.position,
			mean: mean(levels)!,
			n: levels.length,
			share_below: levels.filter((l) => l < options.threshold).length / levels.length
		});
	});
	return out
		.map((r) => ({ ...r, mls: noted.size }))
		.sort((a, b) => a.mean - b.mean || a.position - b.position);
}

function targets(cube: Cube, options: TrainingOptions) {
	const wanted = new Set(options.criteria.map((id) => CRITERION_INDEX.get(id)));
	return units(cube, options, (c) => wanted.has(c)).map((u) => ({
		...u,
		arml: armlOf(cube, u.ml),
		below: u.score < options.threshold
	}));
}

/** `trainingCountsQuery` on the cube. */
export function trainingCountRows(cube: Cube, options: TrainingOptions): TrainingCount[] {
	const list = targets(cube, options);
	const mlsBelow = new Map<string, Set<number>>();
	for (const u of list) {
		const set = mlsBelow.get(u.arml.code) ?? new Set<number>();
		if (u.below) set.add(u.ml);
		mlsBelow.set(u.arml.code, set);
	}
	const rows = new Map<string, TrainingCount & { position: number }>();
	for (const u of list) {
		const key = `${u.arml.code}\u0000${u.c}`;
		const row = rows.get(key) ?? {
			arml_code: u.arml.code,
			arml_nom: u.arml.name,
			criterion_id: CRITERIA[u.c].id,
			assessed: 0,
			below: 0,
			mls_below: mlsBelow.get(u.arml.code)!.size,
			position: CRITERIA[u.c].position
		};
		row.assessed++;
		if (u.below) row.below++;
		rows.set(key, row);
	}
	return [...rows.values()]
		.sort((a, b) => compare(stripAccents(a.arml_nom), stripAccents(b.arml_nom)) || a.position - b.position)
		.map(({ position: _p, ...row }) => row);
}

/** `trainingTargetsQuery` on the cube. */
export function trainingTargetRows(cube: Cube, options: TrainingOptions): TrainingTarget[] {
	return targets(cube, options)
		.filter((u) => u.below)
		.sort(
			(a, b) =>
				compare(stripAccents(a.arml.name), stripAccents(b.arml.name)) ||
				compare(stripAccents(cube.mls.name[a.ml]), stripAccents(cube.mls.name[b.ml])) ||
				compare(cube.mls.id[a.ml], cube.mls.id[b.ml]) ||
				a.c - b.c
		)
		.map((u) => ({
			ml_id: cube.mls.id[u.ml],
			nom: cube.mls.name[u.ml],
			arml_code: u.arml.code,
			arml_nom: u.arml.name,
			criterion_id: CRITERIA[u.c].id,
			score: u.score
		}));
}
