import { KEY_FIGURES } from '../../model/domain';
import { ident, join, raw, sql } from '../sql';
import type { Query } from '../types';
export type { KeyFigureTotals } from '../../model/rows';

/**
 * Totals for `year` and the year before (for the change), latest year of the data when null: of
 * the whole network, or of one ARML's Missions Locales (`arml`).
 */
export function keyFiguresQuery(year: number | null, arml: string | null = null): Query {
	const sums = join(
		KEY_FIGURES.map((f) => sql`sum(${raw(ident(f))})::DOUBLE AS ${raw(ident(f))}`),
		', '
	);
	const target = year === null ? sql`(SELECT max(annee) FROM chiffres_cles)` : sql`${year}`;
	const members =
		arml === null
			? sql``
			: sql`JOIN missions_locales m USING (ml_id) JOIN departements d USING (departement_code)
WHERE d.arml_code = ${arml} AND `;
	return sql`SELECT annee, count(DISTINCT ml_id)::INTEGER AS mls, ${sums}
FROM chiffres_cles
${members}${arml === null ? sql`WHERE ` : sql``}annee IN (${target}, ${target} - 1)
GROUP BY annee ORDER BY annee DESC`;
}
