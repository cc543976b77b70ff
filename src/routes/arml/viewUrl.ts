import type { Domain } from '$lib/model/filters';
import { combine } from '$lib/state/urlHook';
import { filtersHook } from '$lib/state/filtersHook';
import { yearHook } from '$lib/state/yearHook';

/** The ARML index: a campaign and a phase. */
export const indexHook = filtersHook(['campaign', 'phase']);

/** What an ARML's page checks its URL against: the filters' domain and the key figures' years. */
export type ArmlContext = Domain & { years: readonly number[] };

/** An ARML's page: campaign, phase, heatmap columns, and the key figures' year (`annee`). */
export const armlHook = combine(
	filtersHook(['campaign', 'phase', 'columns']),
	yearHook('year', 'annee', (context: ArmlContext) => context.years)
);
