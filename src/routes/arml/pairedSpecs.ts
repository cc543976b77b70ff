import { armlPairedRows, mlPairedRows } from '$lib/cube/paired';
import { armlPairedQuery, mlPairedQuery } from '$lib/db/queries/selfAudit';
import type { PairedRow } from '$lib/model/rows';
import type { QuerySpec } from '$lib/state/query.svelte';
import type { ViewFilters } from '$lib/model/filters';

/** Self-assessment against audit for each ML of an ARML (both phases: the view's phase is ignored). */
export function armlPairedSpec(arml: string, view: ViewFilters, today: string): QuerySpec<PairedRow> {
	const options = { arml, campaign: view.campaign, today };
	return {
		key: `arml-paired:${arml}:${view.campaign}:${today}`,
		query: armlPairedQuery(options),
		cube: (cube) => armlPairedRows(cube, options)
	};
}

/** Self-assessment against audit for one ML, criterion by criterion. */
export function mlPairedSpec(id: string, view: ViewFilters, today: string): QuerySpec<PairedRow> {
	const options = { id, campaign: view.campaign, today };
	return {
		key: `ml-paired:${id}:${view.campaign}:${today}`,
		query: mlPairedQuery(options),
		cube: (cube) => mlPairedRows(cube, options)
	};
}

export const PAIRED_LABEL =
	'Haltères\u202f: score moyen en auto-évaluation (rond creux) et à l’audit (rond plein) par ligne, triées par écart, avec les moyennes de l’ARML et nationale';
