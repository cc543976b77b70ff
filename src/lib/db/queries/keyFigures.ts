import { KEY_FIGURES } from '../../model/domain';
import { ident, join, raw, sql } from '../sql';
import type { Query } from '../types';
export type { KeyFigureTotals } from '../../model/rows';

/** National totals for `year` and the year before (for the change), latest year when null. */
export function keyFiguresQuery(year: number | null): Query {
	const sums = join(
		KEY_FIGURES.map((f) => sql`sum(${raw(ident(f))})::DOUBLE AS ${raw(ident(f))}`),
		', '
	);
	const target = year === null ? sql`(SELECT max(annee) FROM chiffres_cles)` : sql`${year}`;
	return sql`SELECT annee, count(DISTINCT ml_id)::INTEGER AS mls, ${sums}
FROM chiffres_cles
WHERE annee IN (${target}, ${target} - 1)
GROUP BY annee ORDER BY annee DESC`;
}
