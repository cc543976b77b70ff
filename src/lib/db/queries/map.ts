import type { MapArea, MapLevel, MapMeasure } from '../../model/rows';
import type { MapOptions } from '../../model/views';
import { ident, raw, sql } from '../sql';
import type { Query } from '../types';
import { mlsCte, mlsWhere, pickedCte, scoredCte } from './common';

export type { MapArea, MapLevel, MapMeasure, MapOptions };

/**
 * Each ML's contribution to its area's value, as `num` over `den`: the area's value is
 * sum(num) / sum(den), over the MLs with a value (`n`, for the small-group rule).
 */
function contributions(o: MapOptions): Query {
	switch (o.measure) {
		case 'labellisation':
			return sql`contrib AS (SELECT ml_id, CASE WHEN status = 'labellisee' THEN 1.0 ELSE 0.0 END AS num, 1.0 AS den FROM mls)`;
		case 'score':
			return sql`${scoredCte([o.phase])}, ${pickedCte(o.campaign ?? 'latest')},
contrib AS (SELECT ml_id, avg(score) AS num, 1.0 AS den FROM picked GROUP BY ml_id)`;
		case 'below':
			return sql`${scoredCte([o.phase])}, ${pickedCte(o.campaign ?? 'latest')},
contrib AS (SELECT ml_id, CASE WHEN score < ${o.threshold} THEN 1.0 ELSE 0.0 END AS num, 1.0 AS den
	FROM picked WHERE criterion_id = ${o.criterion ?? ''})`;
		case 'keyFigure': {
			const figure = raw(ident(o.keyFigure));
			return sql`contrib AS (
	SELECT ml_id, ${figure}::DOUBLE AS num, jeunes_accompagnes / 100.0 AS den FROM chiffres_cles
	WHERE annee = (SELECT max(annee) FROM chiffres_cles) AND ${figure} IS NOT NULL AND jeunes_accompagnes > 0
)`;
		}
	}
}

/**
 * The map's areas (every ARML or département of the reference geography, with data or not) and
 * the chosen measure in each: `value` (a share from 0 to 1, a mean level, or a number per 100
 * young people), `n` the MLs it is computed over, `mls` the MLs of the area, `departements` its
 * département codes (comma-separated, for drawing). Areas are ordered by id; `arml_code` is the
 * ARML an area opens. The MLs are those of the ARML and status asked (every ML by default), and the
 * scores those of the campaign asked (each ML's latest by default): an area outside the ARML asked
 * has no ML, and no value.
 */
export function mapQuery(o: MapOptions): Query {
	const areas =
		o.level === 'arml'
			? sql`areas AS (SELECT a.arml_code AS area_id, a.nom AS area_label, a.arml_code, a.nom AS arml_nom,
	(SELECT string_agg(d.departement_code, ',' ORDER BY d.departement_code) FROM departements d
		WHERE d.arml_code = a.arml_code) AS departements
	FROM arml a)`
			: sql`areas AS (SELECT d.departement_code AS area_id, d.nom AS area_label, d.arml_code, a.nom AS arml_nom,
	d.departement_code AS departements
	FROM departements d LEFT JOIN arml a USING (arml_code))`;
	const key = raw(o.level === 'arml' ? 'arml_code' : 'departement_code');
	return sql`WITH ${mlsCte(o.today)}, ${contributions(o)}, ${areas},
per_ml AS (SELECT m.${key} AS area_id, c.num, c.den FROM mls m LEFT JOIN contrib c USING (ml_id)
	${mlsWhere({ arml: o.arml ?? null, status: o.status ?? null })})
SELECT a.area_id, a.area_label, a.arml_code, a.arml_nom, a.departements,
	(sum(p.num) / nullif(sum(p.den), 0))::DOUBLE AS value,
	count(p.num)::INTEGER AS n,
	count(p.area_id)::INTEGER AS mls
FROM areas a LEFT JOIN per_ml p USING (area_id)
GROUP BY ALL
ORDER BY a.area_id`;
}
