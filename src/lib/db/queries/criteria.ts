import { sql } from '../sql';
import type { Query } from '../types';
import { mlsCte, mlsWhere, pickedCte, scoredCte } from './common';
export type {
	CriterionRank,
	CriterionChange,
	SelfAuditGap,
	ArmlBelow,
	MlBelow,
	ElementMean
} from '../../model/rows';

import { STALL, type ChangeOptions, type CriteriaScope, type CriterionOptions } from '../../model/views';
export { STALL, type ChangeOptions, type CriteriaScope, type CriterionOptions } from '../../model/views';

/** The MLs in scope (ARML and status filters), with their geography. */
function scopeCte(scope: Pick<CriteriaScope, 'arml' | 'status' | 'today'>): Query {
	return sql`${mlsCte(scope.today)},
scope AS (
	SELECT ml_id, nom, coalesce(arml_code, '?') AS arml_code, coalesce(arml_nom, 'Département inconnu') AS arml_nom
	FROM mls ${mlsWhere(scope)}
)`;
}

/** One score per ML in scope and criterion, for the scope's phase and campaign. */
function unitsCte(scope: CriteriaScope): Query {
	return sql`${scoredCte([scope.phase])},
${pickedCte(scope.campaign)},
${scopeCte(scope)},
units AS (SELECT p.ml_id, p.criterion_id, p.score FROM picked p JOIN scope USING (ml_id))`;
}

/**
 * Level 1–4 of a score: the level it has reached (2.99 → 2, 3 → 3), so that « niveau 3 » starts at
 * the 3,0 threshold and each level counts only the scores it names (the data contract's rule).
 */
const LEVEL = sql`least(4, greatest(1, floor(u.score)))::INTEGER`;

/**
 * Criteria ranked by the share of MLs below the threshold (then by mean, then référentiel order),
 * with how many MLs stand at each level (per-ML score rounded down: level k is k to under k + 1).
 */
export function criteriaRankingQuery(scope: CriteriaScope): Query {
	return sql`WITH ${unitsCte(scope)}
SELECT c.criterion_id, c.short_label, c.title, c.position,
	count(*)::INTEGER AS n,
	count(*) FILTER (WHERE u.score < ${scope.threshold})::INTEGER AS below,
	(count(*) FILTER (WHERE u.score < ${scope.threshold}) / count(*))::DOUBLE AS share_below,
	avg(u.score)::DOUBLE AS mean,
	count(*) FILTER (WHERE ${LEVEL} = 1)::INTEGER AS level_1,
	count(*) FILTER (WHERE ${LEVEL} = 2)::INTEGER AS level_2,
	count(*) FILTER (WHERE ${LEVEL} = 3)::INTEGER AS level_3,
	count(*) FILTER (WHERE ${LEVEL} = 4)::INTEGER AS level_4,
	(SELECT count(DISTINCT ml_id) FROM units)::INTEGER AS mls
FROM units u JOIN criteria c USING (criterion_id)
GROUP BY ALL
ORDER BY share_below DESC, round(mean, 9), c.position`;
}

/**
 * Mean per criterion in campaign `from` and in campaign `to` (each over the MLs scored that
 * campaign), the difference, and the trend: `stagne` when |Δ| < STALL. Sorted by Δ, smallest first.
 */
export function criteriaChangeQuery(options: ChangeOptions): Query {
	return sql`WITH ${scoredCte([options.phase])},
${scopeCte(options)},
means AS (
	SELECT s.criterion_id, s.campagne, avg(s.score)::DOUBLE AS mean, count(*)::INTEGER AS n
	FROM scored s JOIN scope USING (ml_id)
	WHERE s.campagne IN ${[options.from, options.to]}
	GROUP BY ALL
),
changes AS (
	SELECT c.criterion_id, c.short_label, c.title, c.position,
		f.mean AS mean_from, coalesce(f.n, 0)::INTEGER AS n_from,
		t.mean AS mean_to, coalesce(t.n, 0)::INTEGER AS n_to,
		(t.mean - f.mean)::DOUBLE AS delta
	FROM criteria c
	LEFT JOIN means f ON f.criterion_id = c.criterion_id AND f.campagne = ${options.from}
	LEFT JOIN means t ON t.criterion_id = c.criterion_id AND t.campagne = ${options.to}
	WHERE f.mean IS NOT NULL OR t.mean IS NOT NULL
)
SELECT *,
	CASE
		WHEN delta IS NULL THEN NULL
		-- Rounded so that a change of exactly 0.05 is not lost to floating-point noise.
		WHEN abs(round(delta, 9)) < ${STALL} THEN 'stagne'
		WHEN delta > 0 THEN 'progresse'
		ELSE 'recule'
	END AS trend
FROM changes
ORDER BY round(delta, 9) NULLS LAST, position`;
}

/**
 * Self-assessment vs audit per criterion, on pairs: an ML scored on a criterion in both phases of
 * the same campaign. With `latest`, each ML's latest campaign that has both phases. Sorted by gap,
 * largest first.
 */
export function selfAuditQuery(scope: Omit<CriteriaScope, 'phase' | 'threshold'>): Query {
	const picked =
		scope.campaign === 'latest'
			? sql`picked_pairs AS (
	SELECT p.* FROM pairs p
	JOIN (SELECT ml_id, max(campagne) AS campagne FROM pairs GROUP BY ALL) USING (ml_id, campagne)
)`
			: sql`picked_pairs AS (SELECT * FROM pairs WHERE campagne = ${scope.campaign})`;
	return sql`WITH ${scoredCte(['auto-evaluation', 'audit'])},
${scopeCte(scope)},
pairs AS (
	SELECT s.ml_id, s.campagne, s.criterion_id, s.score AS self, a.score AS audit
	FROM scored s JOIN scored a USING (ml_id, campagne, criterion_id)
	WHERE s.phase = 'auto-evaluation' AND a.phase = 'audit'
),
${picked}
SELECT c.criterion_id, c.short_label, c.title, c.position,
	count(*)::INTEGER AS pairs,
	avg(p.self)::DOUBLE AS mean_self,
	avg(p.audit)::DOUBLE AS mean_audit,
	avg(p.self - p.audit)::DOUBLE AS gap
FROM picked_pairs p JOIN scope USING (ml_id) JOIN criteria c USING (criterion_id)
GROUP BY ALL
ORDER BY round(gap, 9) DESC, c.position`;
}

/** Per ARML, how many of its MLs are below the threshold on a criterion (highest share first). */
export function criterionArmlQuery(options: CriterionOptions): Query {
	return sql`WITH ${unitsCte(options)}
SELECT s.arml_code, s.arml_nom,
	count(*)::INTEGER AS n,
	count(*) FILTER (WHERE u.score < ${options.threshold})::INTEGER AS below,
	(count(*) FILTER (WHERE u.score < ${options.threshold}) / count(*))::DOUBLE AS share_below,
	avg(u.score)::DOUBLE AS mean
FROM units u JOIN scope s USING (ml_id)
WHERE u.criterion_id = ${options.criterion}
GROUP BY s.arml_code, s.arml_nom
ORDER BY share_below DESC, below DESC, strip_accents(s.arml_nom)`;
}

/** The MLs below the threshold on a criterion, lowest score first. */
export function criterionMlsQuery(options: CriterionOptions): Query {
	return sql`WITH ${unitsCte(options)}
SELECT s.ml_id, s.nom, s.arml_code, s.arml_nom, u.score
FROM units u JOIN scope s USING (ml_id)
WHERE u.criterion_id = ${options.criterion} AND u.score < ${options.threshold}
ORDER BY u.score, strip_accents(s.nom), s.ml_id`;
}

/**
 * The elements of a criterion, weakest first: mean of the element-level rows of the evaluations
 * in scope (criterion-level rows say nothing about elements; unassessed elements are skipped).
 * `mls` is the number of distinct MLs noted on any element of the criterion (the same on every row).
 */
export function elementMeansQuery(options: CriterionOptions): Query {
	return sql`WITH ${unitsCte(options)},
evaluated AS (SELECT DISTINCT p.ml_id, p.phase, p.campagne FROM picked p JOIN scope USING (ml_id)),
levels AS (
	SELECT e.ml_id, e.element_id, avg(e.niveau)::DOUBLE AS level
	FROM evaluations e JOIN evaluated USING (ml_id, phase, campagne)
	WHERE e.critere_id = ${options.criterion} AND e.element_id IS NOT NULL AND e.niveau IS NOT NULL
	GROUP BY ALL
)
SELECT el.element_id, el.text, el.position,
	avg(l.level)::DOUBLE AS mean,
	count(*)::INTEGER AS n,
	avg(CASE WHEN l.level < ${options.threshold} THEN 1 ELSE 0 END)::DOUBLE AS share_below,
	(SELECT count(DISTINCT ml_id) FROM levels)::INTEGER AS mls
FROM levels l JOIN elements el USING (element_id)
GROUP BY ALL
ORDER BY round(mean, 9), el.position`;
}
