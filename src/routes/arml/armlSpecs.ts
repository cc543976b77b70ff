import type { Phase } from '$lib/data/contract';
import {
	armlGapQuery,
	armlIndexQuery,
	armlRankingQuery,
	armlRatesQuery,
	keyFigureYearsQuery
} from '$lib/db/queries/arml';
import { domainQuery } from '$lib/db/queries/domain';
import { heatmapQuery } from '$lib/db/queries/heatmap';
import { threshold } from '$lib/referentiel';
import { DEFAULT_FILTERS, filtersKey, PHASE_LABELS, type PhaseChoice } from '$lib/model/filters';
import type { QuerySpec } from '$lib/state/query.svelte';
import type { ViewFilters } from './viewUrl.svelte';

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

export function domainSpec(): QuerySpec {
	return { key: 'domain', query: domainQuery() };
}

/** Every ARML (or one) with its MLs, labelled share and overall score, and the national line. */
export function indexSpec(view: ViewFilters, today: string, arml: string | null = null): QuerySpec {
	return {
		key: `arml-index:${arml ?? '*'}:${viewKey(view)}:${today}`,
		query: armlIndexQuery({ ...options(view, today), arml })
	};
}

/** The heatmap of an ARML's MLs; never masked (rows are single MLs). */
export function heatmapSpec(arml: string, view: ViewFilters, today: string): QuerySpec {
	const phase = singlePhase(view.phase);
	return {
		key: `arml-heatmap:${arml}:${filtersKey({ ...DEFAULT_FILTERS, campaign: view.campaign, phase, columns: view.columns })}`,
		query: heatmapQuery({
			...DEFAULT_FILTERS,
			campaign: view.campaign,
			phase,
			arml,
			rows: 'ml',
			columns: view.columns,
			criterion: null,
			threshold,
			today
		})
	};
}

export function rankingSpec(arml: string, view: ViewFilters, today: string): QuerySpec {
	return {
		key: `arml-ranking:${arml}:${viewKey(view)}:${today}`,
		query: armlRankingQuery({ ...options(view, today), arml, threshold })
	};
}

export function gapSpec(arml: string, view: ViewFilters, today: string): QuerySpec {
	return { key: `arml-gap:${arml}:${viewKey(view)}`, query: armlGapQuery({ ...options(view, today), arml }) };
}

export function yearsSpec(): QuerySpec {
	return { key: 'key-figure-years', query: keyFigureYearsQuery() };
}

export function ratesSpec(arml: string, year: number | null): QuerySpec {
	return { key: `arml-rates:${arml}:${year ?? 'latest'}`, query: armlRatesQuery({ arml, year }) };
}
