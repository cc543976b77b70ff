import { empty, ident, join, raw, sql } from '../sql';
import type { Query } from '../types';
import { mlsCte, pickedCte, scoredCte } from './common';
import { nationalMedians, RATES, rateColumn, ratesCte } from './rates';
export type { ArmlSummary, MlRank, CriterionGap, MlRates } from '../../model/rows';

import type { ArmlViewOptions } from '../../model/views';
export type { ArmlViewOptions } from '../../model/views';

/**
 * Each ML's overall score: the mean of its criterion scores, only when all the référentiel's
 * criteria are assessed (same rule as the heatmap's row score). Reads `picked`.
 */
function overallCte(): Query {
	return sql`overall AS (
	SELECT ml_id, avg(score)::DOUBLE AS overall FROM picked GROUP BY ml_id
	HAVING count(DISTINCT criterion_id) = (SELECT count(*) FROM criteria)
)`;
}

function viewCtes(options: ArmlViewOptions): Query {
	return sql`${scoredCte([options.phase])},
${pickedCte(options.campaign)},
${mlsCte(options.today)},
${overallCte()}`;
}

/** The ARML of the reference data (code and name), by name. */
export function armlListQuery(code: string | null = null): Query {
	const only = code === null ? empty : sql`WHERE arml_code = ${code}`;
	return sql`SELECT arml_code, nom AS arml_nom FROM arml ${only} ORDER BY strip_accents(lower(nom))`;
}

/**
 * The ARML index: every ARML of the reference data (also those without MLs) with its MLs count,
 * labelled share and overall score, then the national line (`arml_code` null). One ARML when
 * `arml` is given.
 */
export function armlIndexQuery(options: ArmlViewOptions & { arml?: string | null }): Query {
	const only = options.arml ? sql`WHERE a.arml_code = ${options.arml}` : empty;
	const figures = sql`count(m.ml_id)::INTEGER AS mls,
	count(m.ml_id) FILTER (WHERE m.status = 'labellisee')::INTEGER AS labelled,
	(count(m.ml_id) FILTER (WHERE m.status = 'labellisee') / nullif(count(m.ml_id), 0))::DOUBLE AS labelled_share,
	avg(o.overall)::DOUBLE AS overall,
	count(o.ml_id)::INTEGER AS assessed`;
	return sql`WITH ${viewCtes(options)}
SELECT * FROM (
	SELECT a.arml_code, a.nom AS arml_nom, ${figures}
	FROM arml a LEFT JOIN mls m USING (arml_code) LEFT JOIN overall o USING (ml_id)
	${only}
	GROUP BY a.arml_code, a.nom
	UNION ALL
	SELECT NULL AS arml_code, 'Ensemble du réseau' AS arml_nom, ${figures}
	FROM mls m LEFT JOIN overall o USING (ml_id)
)
ORDER BY arml_code IS NULL, strip_accents(lower(arml_nom))`;
}

/**
 * The MLs of one ARML ranked by overall score (best first; unranked MLs last, by name), with
 * their weakest criteria. Ranks are computed on scores rounded to the hundredth, as displayed,
 * so that MLs shown with the same score share a rank (1, 2, 2, 4).
 */
export function armlRankingQuery(options: ArmlViewOptions & { arml: string; threshold: number }): Query {
	return sql`WITH ${viewCtes(options)},
ordered AS (
	SELECT p.ml_id, p.criterion_id, p.score,
		row_number() OVER (PARTITION BY p.ml_id ORDER BY p.score, c.position) AS k
	FROM picked p JOIN criteria c USING (criterion_id)
),
per_ml AS (
	SELECT ml_id, count(*)::INTEGER AS criteria,
		count(*) FILTER (WHERE score < ${options.threshold})::INTEGER AS below,
		string_agg(criterion_id, ';' ORDER BY k) FILTER (WHERE k <= 3) AS weakest_ids,
		string_agg(CAST(score AS VARCHAR), ';' ORDER BY k) FILTER (WHERE k <= 3) AS weakest_scores
	FROM ordered GROUP BY ml_id
),
members AS (
	SELECT m.ml_id, m.nom, m.commune, m.status, coalesce(pm.criteria, 0) AS criteria, o.overall,
		coalesce(pm.below, 0) AS below, pm.weakest_ids, pm.weakest_scores
	FROM mls m LEFT JOIN overall o USING (ml_id) LEFT JOIN per_ml pm USING (ml_id)
	WHERE m.arml_code = ${options.arml}
)
SELECT ml_id, nom, commune, status, criteria, overall,
	CASE WHEN overall IS NULL THEN NULL
		ELSE rank() OVER (PARTITION BY overall IS NULL ORDER BY round(overall, 2) DESC) END::INTEGER AS rank,
	count(overall) OVER ()::INTEGER AS ranked,
	below, weakest_ids, weakest_scores
FROM members
ORDER BY rank NULLS LAST, strip_accents(lower(nom))`;
}

/**
 * The ARML's gap to the national level, criterion by criterion: mean of its MLs' scores minus the
 * mean of all MLs' scores (each ML counted once per criterion, as in the heatmap).
 */
export function armlGapQuery(options: ArmlViewOptions & { arml: string }): Query {
	return sql`WITH ${scoredCte([options.phase])},
${pickedCte(options.campaign)},
${mlsCte(options.today)},
means AS (
	SELECT c.criterion_id, c.short_label, c.title, c.chapter_id, c.position,
		avg(p.score) FILTER (WHERE m.arml_code = ${options.arml})::DOUBLE AS arml_mean,
		count(p.ml_id) FILTER (WHERE m.arml_code = ${options.arml})::INTEGER AS arml_n,
		avg(p.score)::DOUBLE AS national_mean,
		count(p.ml_id)::INTEGER AS national_n
	FROM criteria c
	LEFT JOIN picked p USING (criterion_id)
	LEFT JOIN mls m USING (ml_id)
	GROUP BY c.criterion_id, c.short_label, c.title, c.chapter_id, c.position
)
SELECT *, arml_mean - national_mean AS gap FROM means ORDER BY position`;
}

/** Years with key figures, latest first. */
export function keyFigureYearsQuery(): Query {
	return sql`SELECT DISTINCT annee FROM chiffres_cles ORDER BY annee DESC`;
}

/**
 * Key figures of an ARML's MLs for `year` (the latest year of the data when null) as rates per
 * 100 jeunes accompagnés, with the ARML median and the national median (over all MLs) of each rate.
 */
export function armlRatesQuery(options: { arml: string; year: number | null }): Query {
	const armlMedians = join(
		RATES.map((r) => sql`median(${raw(ident(rateColumn(r)))})::DOUBLE AS ${raw(ident(`${r}_arml`))}`),
		', '
	);
	return sql`WITH ${ratesCte()},
target AS (SELECT coalesce(${options.year}::INTEGER, max(annee)) AS annee FROM chiffres_cles),
year_rates AS (SELECT r.* FROM rates r JOIN target USING (annee)),
national AS (SELECT ${nationalMedians()}, count(*)::INTEGER AS national_mls FROM year_rates),
members AS (
	SELECT y.*, m.nom FROM year_rates y
	JOIN missions_locales m USING (ml_id) JOIN departements d USING (departement_code)
	WHERE d.arml_code = ${options.arml}
),
regional AS (SELECT ${armlMedians} FROM members)
SELECT members.*, national.*, regional.* FROM members, national, regional
ORDER BY strip_accents(lower(nom))`;
}
