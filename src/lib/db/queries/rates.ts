import { join, raw, ident, sql } from '../sql';
import type { Query } from '../types';

/** Key figures read as a rate per 100 jeunes accompagnés. */
export const RATES = ['emploi', 'formation', 'alternance', 'cej'] as const;
export type Rate = (typeof RATES)[number];

/** French names of the rates (per 100 jeunes accompagnés). */
export const RATE_LABELS: Record<Rate, string> = {
	emploi: 'Entrées en emploi',
	formation: 'Entrées en formation',
	alternance: 'Entrées en alternance',
	cej: 'Entrées en CEJ'
};

/** The column holding a rate, e.g. `emploi_rate`. */
export const rateColumn = (rate: Rate) => `${rate}_rate` as const;
/** The column holding the national median of a rate, e.g. `emploi_national`. */
export const nationalColumn = (rate: Rate) => `${rate}_national` as const;

/** Per-ML counts of the rated figures and their rates. */
export type RateValues = { jeunes_accompagnes: number | null } & Record<Rate, number | null> &
	Record<`${Rate}_rate`, number | null>;
/** National medians of the rates, and how many MLs reported that year. */
export type NationalRates = Record<`${Rate}_national`, number | null> & { national_mls: number };

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
