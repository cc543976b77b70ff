import type { RowLevel } from '../../model/filters';
import { empty, sql } from '../sql';
import type { Query } from '../types';
import { mlsCte, mlsWhere, phasesOf, pickedCte, scoredCte } from './common';
export type { HeatmapCell } from '../../model/rows';

import type { HeatmapOptions } from '../../model/views';
export type { HeatmapOptions } from '../../model/views';

const ROW_KEYS: Record<RowLevel, Query> = {
	arml: sql`coalesce(arml_code, '?') AS row_id, coalesce(arml_nom, 'Département inconnu') AS row_label`,
	region: sql`coalesce(region_code, '?') AS row_id, coalesce(region_nom, 'Département inconnu') AS row_label`,
	ml: sql`ml_id AS row_id, nom AS row_label`
};

function columnsCte(options: HeatmapOptions): Query {
	switch (options.columns) {
		case 'criterion':
			return sql`cols AS (SELECT criterion_id AS col_id, short_label AS col_label, title AS col_title,
	chapter_id AS group_id, position AS col_position FROM criteria)`;
		case 'chapter':
			return sql`cols AS (SELECT chapter_id AS col_id, short_label AS col_label, title AS col_title,
	chapter_id AS group_id, position AS col_position FROM chapters)`;
		case 'section':
			return sql`cols AS (SELECT coalesce(s.section_id, c.chapter_id) AS col_id,
	any_value(coalesce(s.short_label, ch.short_label)) AS col_label, any_value(coalesce(s.title, ch.title)) AS col_title,
	c.chapter_id AS group_id, min(c.position) AS col_position
	FROM criteria c JOIN chapters ch USING (chapter_id) LEFT JOIN sections s USING (section_id) GROUP BY ALL)`;
		case 'element':
			return sql`cols AS (SELECT element_id AS col_id, element_id AS col_label, text AS col_title,
	criterion_id AS group_id, position AS col_position FROM elements WHERE criterion_id = ${options.criterion ?? ''})`;
	}
}

/** Per-ML scores at the column level: criteria; chapters and sections as the mean of their criteria. */
function unitsCte(options: HeatmapOptions): Query {
	const chapter = options.chapter ? sql`WHERE c.chapter_id = ${options.chapter}` : empty;
	switch (options.columns) {
		case 'criterion':
			return sql`units AS (SELECT p.ml_id, p.phase, p.criterion_id AS col_id, p.score
	FROM picked p JOIN criteria c USING (criterion_id) ${chapter})`;
		case 'chapter':
		case 'section': {
			const unit =
				options.columns === 'chapter' ? sql`c.chapter_id` : sql`coalesce(c.section_id, c.chapter_id)`;
			return sql`units AS (SELECT p.ml_id, p.phase, ${unit} AS col_id, avg(p.score) AS score
	FROM picked p JOIN criteria c USING (criterion_id) ${chapter} GROUP BY ALL)`;
		}
		case 'element':
			return sql`units AS (SELECT e.ml_id, e.phase, e.element_id AS col_id, avg(e.niveau)::DOUBLE AS score
	FROM evaluations e JOIN (SELECT DISTINCT ml_id, phase, campagne FROM picked) USING (ml_id, phase, campagne)
	WHERE e.element_id IS NOT NULL AND e.niveau IS NOT NULL AND e.critere_id = ${options.criterion ?? ''}
	GROUP BY ALL)`;
	}
}

/**
 * The maturity heatmap: one cell per row (ARML, region or ML) and column (criterion, section,
 * chapter or element) with the mean of per-ML scores, the share *atteint* and n (distinct MLs).
 */
export function heatmapQuery(options: HeatmapOptions): Query {
	return sql`WITH ${scoredCte(phasesOf(options.phase))},
${pickedCte(options.campaign)},
${mlsCte(options.today)},
${columnsCte(options)},
${unitsCte(options)},
rowed AS (SELECT ${ROW_KEYS[options.rows]}, mls.ml_id FROM mls ${mlsWhere(options)}),
overall AS (
	SELECT ml_id, phase, avg(score) AS overall FROM picked GROUP BY ALL
	HAVING count(*) = (SELECT count(*) FROM criteria)
),
row_stats AS (
	SELECT r.row_id, ph.phase, count(DISTINCT r.ml_id)::INTEGER AS row_mls, avg(o.overall)::DOUBLE AS row_overall,
		count(o.overall)::INTEGER AS row_overall_n
	FROM rowed r CROSS JOIN (SELECT DISTINCT phase FROM picked) ph
	LEFT JOIN overall o ON o.ml_id = r.ml_id AND o.phase = ph.phase
	GROUP BY ALL
),
assessed AS (
	SELECT r.row_id, u.phase, count(DISTINCT u.ml_id)::INTEGER AS row_assessed
	FROM units u JOIN rowed r USING (ml_id) GROUP BY ALL
),
cells AS (
	SELECT u.phase, r.row_id, any_value(r.row_label) AS row_label, u.col_id,
		avg(u.score)::DOUBLE AS mean,
		avg(CASE WHEN u.score >= ${options.threshold} THEN 1 ELSE 0 END)::DOUBLE AS share,
		count(DISTINCT u.ml_id)::INTEGER AS n
	FROM units u JOIN rowed r USING (ml_id)
	GROUP BY ALL
)
SELECT cells.phase, cells.row_id, cells.row_label, rs.row_overall, rs.row_overall_n, rs.row_mls, a.row_assessed,
	cols.col_id, cols.col_label, cols.col_title, cols.group_id,
	coalesce(ch.short_label, cr.short_label, cols.group_id) AS group_label, cols.col_position,
	cells.mean, cells.share, cells.n
FROM cells
JOIN cols USING (col_id)
JOIN row_stats rs ON rs.row_id = cells.row_id AND rs.phase = cells.phase
JOIN assessed a ON a.row_id = cells.row_id AND a.phase = cells.phase
LEFT JOIN chapters ch ON ch.chapter_id = cols.group_id
LEFT JOIN criteria cr ON cr.criterion_id = cols.group_id
ORDER BY cells.phase, cells.row_label, cols.col_position`;
}
