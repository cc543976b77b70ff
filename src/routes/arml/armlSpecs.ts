import type { Phase } from '$lib/data/contract';
import {
	armlGapQuery,
	armlIndexQuery,
	armlRankingQuery,
	armlRatesQuery,
	keyFigureYearsQuery
} from '$lib/db/queries/arml';
import { domainQuery } from '$lib/db/queries/domain';
import {
	armlGapRows,
	armlIndexRows,
	armlRankingRows,
	armlRatesRows,
	keyFigureYearRows
} from '$lib/cube/arml';
import { heatmapRows } from '$lib/cube/heatmap';
import { domainRows } from '$lib/cube/network';
import type { ArmlSummary, CriterionGap, DomainRow, HeatmapCell, MlRank, MlRates } from '$lib/model/rows';
import { heatmapQuery } from '$lib/db/queries/heatmap';
import { threshold } from '$lib/referentiel';
import { DEFAULT_FILTERS, filtersKey, PHASE_LABELS, type PhaseChoice } from '$lib/model/filters';
import type { QuerySpec } from '$lib/state/query.svelte';
import type { ViewFilters } from '$lib/model/filters';

/** The default view of the ARML pages (the one computed at build time). */
export const DEFAULT_VIEW: ViewFilters = {
	campaign: DEFAULT_FILTERS.campaign,
	phase: DEFAULT_FILTERS.phase,
	columns: DEFAULT_FILTERS.columns
};

/** These views compare one phase at a time; "both" falls back to the self-assessment. */
export function singlePhase(phase: PhaseChoice): Phase {
	return phase === 'both' ? 'auto-evaluation' : phase;
}

export const PHASE_CHOICES: PhaseChoice[] = ['auto-evaluation', 'audit'];

export const BOTH_PHASES_NOTICE = `Cette vue compare une phase à la fois : ${PHASE_LABELS['auto-evaluation'].toLowerCase()} affichée.`;

const viewKey = (view: ViewFilters) =>
	filtersKey({ ...DEFAULT_FILTERS, campaign: view.campaign, phase: singlePhase(view.phase) });

const options = (view: ViewFilters, today: string) => ({
	campaign: view.campaign,
	phase: singlePhase(view.phase),
	today
});

export function domainSpec(): QuerySpec<DomainRow> {
	return { key: 'domain', query: domainQuery(), cube: domainRows };
}

/** Every ARML (or one) with its MLs, labelled share and overall score, and the national line. */
export function indexSpec(
	view: ViewFilters,
	today: string,
	arml: string | null = null
): QuerySpec<ArmlSummary> {
	const o = { ...options(view, today), arml };
	return {
		key: `arml-index:${arml ?? '*'}:${viewKey(view)}:${today}`,
		query: armlIndexQuery(o),
		cube: (cube) => armlIndexRows(cube, o)
	};
}

/** The heatmap of an ARML's MLs; never masked (rows are single MLs). */
export function heatmapSpec(arml: string, view: ViewFilters, today: string): QuerySpec<HeatmapCell> {
	const phase = singlePhase(view.phase);
	const o = {
		...DEFAULT_FILTERS,
		campaign: view.campaign,
		phase,
		arml,
		rows: 'ml' as const,
		columns: view.columns,
		criterion: null,
		threshold,
		today
	};
	return {
		key: `arml-heatmap:${arml}:${filtersKey({ ...DEFAULT_FILTERS, campaign: view.campaign, phase, columns: view.columns })}`,
		query: heatmapQuery(o),
		cube: (cube) => heatmapRows(cube, o)
	};
}

export function rankingSpec(arml: string, view: ViewFilters, today: string): QuerySpec<MlRank> {
	const o = { ...options(view, today), arml, threshold };
	return {
		key: `arml-ranking:${arml}:${viewKey(view)}:${today}`,
		query: armlRankingQuery(o),
		cube: (cube) => armlRankingRows(cube, o)
	};
}

export function gapSpec(arml: string, view: ViewFilters, today: string): QuerySpec<CriterionGap> {
	const o = { ...options(view, today), arml };
	return {
		key: `arml-gap:${arml}:${viewKey(view)}`,
		query: armlGapQuery(o),
		cube: (cube) => armlGapRows(cube, o)
	};
}

export function yearsSpec(): QuerySpec<{ annee: number }> {
	return { key: 'key-figure-years', query: keyFigureYearsQuery(), cube: keyFigureYearRows };
}

export function ratesSpec(arml: string, year: number | null): QuerySpec<MlRates> {
	return {
		key: `arml-rates:${arml}:${year ?? 'latest'}`,
		query: armlRatesQuery({ arml, year }),
		cube: (cube) => armlRatesRows(cube, { arml, year })
	};
}
