import {
	criteriaChangeRows,
	criteriaRankingRows,
	criterionArmlRows,
	criterionMlRows,
	elementMeanRows,
	selfAuditRows
} from '$lib/cube/criteria';
import { trainingCountRows, trainingTargetRows } from '$lib/cube/training';
import { domainRows } from '$lib/cube/network';
import type {
	ArmlBelow,
	CriterionChange,
	CriterionRank,
	DomainRow,
	ElementMean,
	MlBelow,
	SelfAuditGap,
	TrainingCount,
	TrainingTarget
} from '$lib/model/rows';
import {
	criteriaChangeQuery,
	criteriaRankingQuery,
	criterionArmlQuery,
	criterionMlsQuery,
	elementMeansQuery,
	selfAuditQuery,
	type CriteriaScope
} from '$lib/db/queries/criteria';
import { domainQuery } from '$lib/db/queries/domain';
import { trainingCountsQuery, trainingTargetsQuery } from '$lib/db/queries/training';
import type { Phase } from '$lib/data/contract';
import { scale, threshold } from '$lib/referentiel';
import { DEFAULT_FILTERS, filtersKey, type Filters } from '$lib/model/filters';
import type { QuerySpec } from '$lib/state/query.svelte';

export const MAX_LEVEL = Math.max(...scale.levels.map((l) => l.level));
export const LEVEL_LABELS = scale.levels.map((l) => l.label);

/** This page looks at one phase at a time; "both phases" reads as the self-assessment. */
export function phaseOf(filters: Filters): Phase {
	return filters.phase === 'both' ? 'auto-evaluation' : filters.phase;
}

/** The scope of the explorer's queries for a set of filters. */
export function scopeOf(filters: Filters, today: string): CriteriaScope {
	return {
		campaign: filters.campaign,
		phase: phaseOf(filters),
		arml: filters.arml,
		status: filters.status,
		threshold,
		today
	};
}

/** A stable key for the parts of a scope a query reads (URL-style, `defaut` when all defaults). */
function keyOf(scope: Partial<CriteriaScope>): string {
	return filtersKey({
		...DEFAULT_FILTERS,
		campaign: scope.campaign ?? DEFAULT_FILTERS.campaign,
		phase: scope.phase ?? DEFAULT_FILTERS.phase,
		arml: scope.arml ?? null,
		status: scope.status ?? null
	});
}

export function domainSpec(): QuerySpec<DomainRow> {
	return { key: 'domain', query: domainQuery(), cube: domainRows };
}

export function rankingSpec(scope: CriteriaScope): QuerySpec<CriterionRank> {
	return {
		key: `classement:${keyOf(scope)}`,
		query: criteriaRankingQuery(scope),
		cube: (cube) => criteriaRankingRows(cube, scope)
	};
}

/** Change between two campaigns (the campaign filter does not apply). */
export function changeSpec(
	scope: CriteriaScope,
	comparison: { from: number; to: number }
): QuerySpec<CriterionChange> {
	const { campaign: _c, threshold: _t, ...rest } = scope;
	const options = { ...rest, ...comparison };
	return {
		key: `evolution:${comparison.from}-${comparison.to}:${keyOf({ ...rest, campaign: undefined })}`,
		query: criteriaChangeQuery(options),
		cube: (cube) => criteriaChangeRows(cube, options)
	};
}

/** Self-assessment vs audit (the phase filter does not apply). */
export function selfAuditSpec(scope: CriteriaScope): QuerySpec<SelfAuditGap> {
	return {
		key: `auto-audit:${keyOf({ ...scope, phase: undefined })}`,
		query: selfAuditQuery(scope),
		cube: (cube) => selfAuditRows(cube, scope)
	};
}

/** The three queries about one criterion. */
export function criterionSpecs(scope: CriteriaScope, criterion: string) {
	const key = `${criterion}:${keyOf(scope)}`;
	const options = { ...scope, criterion };
	return {
		armls: {
			key: `critere-arml:${key}`,
			query: criterionArmlQuery(options),
			cube: (cube) => criterionArmlRows(cube, options)
		} satisfies QuerySpec<ArmlBelow>,
		mls: {
			key: `critere-ml:${key}`,
			query: criterionMlsQuery(options),
			cube: (cube) => criterionMlRows(cube, options)
		} satisfies QuerySpec<MlBelow>,
		elements: {
			key: `critere-elements:${key}`,
			query: elementMeansQuery(options),
			cube: (cube) => elementMeanRows(cube, options)
		} satisfies QuerySpec<ElementMean>
	};
}

/** The training builder's two queries, or null while no criterion is picked. */
export function trainingSpecs(scope: CriteriaScope, targets: readonly string[]) {
	if (targets.length === 0) return null;
	const key = `${targets.join(',')}:${keyOf(scope)}`;
	const options = { ...scope, criteria: targets };
	return {
		counts: {
			key: `cibles-arml:${key}`,
			query: trainingCountsQuery(options),
			cube: (cube) => trainingCountRows(cube, options)
		} satisfies QuerySpec<TrainingCount>,
		targets: {
			key: `cibles-ml:${key}`,
			query: trainingTargetsQuery(options),
			cube: (cube) => trainingTargetRows(cube, options)
		} satisfies QuerySpec<TrainingTarget>
	};
}

/** What each chart shows, for screen readers (its numbers are in the table alternative). */
export const CHART_LABELS = {
	ranking:
		'Barres empilées : pour chaque critère, part des Missions Locales à chaque niveau et part sous le seuil ; chiffres dans le tableau.',
	change:
		'Haltères : score moyen de chaque critère dans les deux campagnes comparées et différence ; chiffres dans le tableau.',
	gaps: 'Barres divergentes : écart moyen entre auto-évaluation et audit pour chaque critère ; chiffres dans le tableau.',
	elements:
		'Barres : niveau moyen de chaque élément du critère, du plus faible au plus fort ; chiffres dans le tableau.'
} as const;
