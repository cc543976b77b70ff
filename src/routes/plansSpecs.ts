import {
	armlOverdueRows,
	armlUncoveredRows,
	criteriaPlansRows,
	mlActionRows,
	mlFindingRows,
	plansPresenceRows
} from '$lib/cube/plans';
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
import type {
	CriterionPlans,
	MlAction,
	MlFinding,
	OverdueAction,
	PlansPresence,
	UncoveredCriterion
} from '$lib/model/rows';
import { threshold } from '$lib/referentiel';
import type { QuerySpec } from '$lib/state/query.svelte';

// The plan views read the cube (`src/lib/cube/plans.ts`), proven equal to their SQL.

/** The optional tables' sizes and the data's latest date. */
export const presenceSpec = (): QuerySpec<PlansPresence> => ({
	key: 'plans-presence',
	query: plansPresenceQuery(),
	cube: plansPresenceRows
});

export const mlActionsSpec = (id: string): QuerySpec<MlAction> => ({
	key: `ml-actions:${id}`,
	query: mlActionsQuery(id),
	cube: (cube) => mlActionRows(cube, id)
});
export const mlFindingsSpec = (id: string): QuerySpec<MlFinding> => ({
	key: `ml-findings:${id}`,
	query: mlFindingsQuery(id),
	cube: (cube) => mlFindingRows(cube, id)
});

export const overdueSpec = (arml: string, today: string): QuerySpec<OverdueAction> => ({
	key: `arml-overdue:${arml}:${today}`,
	query: armlOverdueQuery({ arml, today }),
	cube: (cube) => armlOverdueRows(cube, { arml, today })
});

type Scope = { phase: Phase; campaign: Filters['campaign']; today: string };

export const uncoveredSpec = (arml: string, s: Scope): QuerySpec<UncoveredCriterion> => ({
	key: `arml-uncovered:${arml}:${s.phase}:${s.campaign}:${s.today}`,
	query: armlUncoveredQuery({ ...s, arml, threshold }),
	cube: (cube) => armlUncoveredRows(cube, { ...s, arml, threshold })
});

export const criteriaPlansSpec = (
	s: Scope & Pick<Filters, 'arml' | 'status'>
): QuerySpec<CriterionPlans> => ({
	key: `criteria-plans:${s.phase}:${s.campaign}:${s.arml ?? ''}:${s.status ?? ''}:${s.today}`,
	query: criteriaPlansQuery({ ...s, threshold }),
	cube: (cube) => criteriaPlansRows(cube, { ...s, threshold })
});

/** What every plan view says when the dataset holds no action. */
export const NO_PLANS = 'Aucun plan d’action dans ces données.';
export const NO_FINDINGS = 'Aucun constat d’audit dans ces données.';
