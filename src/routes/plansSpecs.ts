import {
	armlOverdueQuery,
	armlUncoveredQuery,
	criteriaPlansQuery,
	mlActionsQuery,
	mlFindingsQuery,
	plansPresenceQuery
} from '$lib/db/queries/plans';
import type { Phase } from '$lib/model/domain';
import type { Filters } from '$lib/model/filters';
import { threshold } from '$lib/referentiel';
import type { QuerySpec } from '$lib/state/query.svelte';

/** The optional tables' sizes and the data's latest date. */
export const presenceSpec = (): QuerySpec => ({ key: 'plans-presence', query: plansPresenceQuery() });

export const mlActionsSpec = (id: string): QuerySpec => ({
	key: `ml-actions:${id}`,
	query: mlActionsQuery(id)
});
export const mlFindingsSpec = (id: string): QuerySpec => ({
	key: `ml-findings:${id}`,
	query: mlFindingsQuery(id)
});

export const overdueSpec = (arml: string, today: string): QuerySpec => ({
	key: `arml-overdue:${arml}:${today}`,
	query: armlOverdueQuery({ arml, today })
});

type Scope = { phase: Phase; campaign: Filters['campaign']; today: string };

export const uncoveredSpec = (arml: string, s: Scope): QuerySpec => ({
	key: `arml-uncovered:${arml}:${s.phase}:${s.campaign}:${s.today}`,
	query: armlUncoveredQuery({ ...s, arml, threshold })
});

export const criteriaPlansSpec = (s: Scope): QuerySpec => ({
	key: `criteria-plans:${s.phase}:${s.campaign}:${s.today}`,
	query: criteriaPlansQuery({ ...s, threshold })
});

/** What every plan view says when the dataset holds no action. */
export const NO_PLANS = 'Aucun plan d’action dans ces données.';
export const NO_FINDINGS = 'Aucun constat d’audit dans ces données.';
