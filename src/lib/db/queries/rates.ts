import { join, raw, ident, sql } from '../sql';
import type { Query } from '../types';
import { RATES, type Rate } from '../../model/domain';
export type { RateValues, NationalRates } from '../../model/rows';

export { RATES, RATE_LABELS, type Rate } from '../../model/domain';

/** The column holding a rate, e.g. `emploi_rate`. */
export const rateColumn = (rate: Rate) => `${rate}_rate` as const;
/** The column holding the national median of a rate, e.g. `emploi_national`. */
export const nationalColumn = (rate: Rate) => `${rate}_national` as const;

const id = (name: string) => raw(ident(name));

/**
 * `rates`: every row of `chiffres_cles` with each rate per 100 jeunes accompagnés (null when the
 * figure is empty or nobody was accompanied).
 */
export function ratesCte(): Query {
	const rates = RATES.map(
		(r) => sql`(100.0 * ${id(r)} / nullif(jeunes_accompagnes, 0))::DOUBLE AS ${id(rateColumn(r))}`
	);
	return sql`rates AS (SELECT ml_id, annee, jeunes_accompagnes, ${join(
		RATES.map((r) => sql`${id(r)}`),
		', '
	)}, ${join(rates, ', ')} FROM chiffres_cles)`;
}

/** `median(emploi_rate) AS emploi_national, …` over the rows of `rates` in scope. */
export function nationalMedians(): Query {
	return join(
		RATES.map((r) => sql`median(${id(rateColumn(r))})::DOUBLE AS ${id(nationalColumn(r))}`),
		', '
	);
}
