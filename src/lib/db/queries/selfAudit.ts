import type { PairedRow } from '../../model/rows';
import type { PairedOptions } from '../../model/views';
import { sql } from '../sql';
import type { Query } from '../types';
import { mlsCte, pickedCte, scoredCte } from './common';

export type { PairedOptions, PairedRow };

/**
 * `pairs`: each (ML, criterion) scored both in a self-assessment and in an audit of the campaign
 * (or, for `latest`, each phase's latest campaign); `per_ml`: each ML's mean over those criteria,
 * so that an ML's two means compare the same criteria.
 */
function pairsCte(o: PairedOptions): Query {
	return sql`${scoredCte(['auto-evaluation', 'audit'])},
${pickedCte(o.campaign)},
${mlsCte(o.today)},
pairs AS (
	SELECT s.ml_id, s.criterion_id, s.score AS self, a.score AS audit, m.arml_code
	FROM picked s JOIN picked a ON a.ml_id = s.ml_id AND a.criterion_id = s.criterion_id AND a.phase = 'audit'
	JOIN mls m ON m.ml_id = s.ml_id
	WHERE s.phase = 'auto-evaluation'
),
per_ml AS (
	SELECT ml_id, arml_code, avg(self) AS self, avg(audit) AS audit, count(*) AS criteria
	FROM pairs GROUP BY ml_id, arml_code
)`;
}

/** The ARML's and the nation's lines: means of the MLs' means, over `n` MLs. */
function referenceRows(arml: Query): Query {
	return sql`SELECT 'arml' AS kind, any_value(arml_code) AS id, 'Moyenne de l’ARML' AS label,
	avg(self)::DOUBLE AS self, avg(audit)::DOUBLE AS audit, (avg(self) - avg(audit))::DOUBLE AS gap,
	count(*)::INTEGER AS n, NULL::DOUBLE AS arml_gap, NULL::INTEGER AS arml_n, NULL::DOUBLE AS national_gap
FROM per_ml WHERE arml_code = (${arml})
UNION ALL
SELECT 'nation', NULL, 'Moyenne nationale', avg(self), avg(audit), avg(self) - avg(audit), count(*), NULL, NULL, NULL
FROM per_ml`;
}

/** Compared rows first, by gap (largest first), then the ARML's line and the nation's. */
function ordered(rows: Query, references: Query): Query {
	return sql`SELECT * FROM (${rows} UNION ALL ${references})
ORDER BY CASE kind WHEN 'arml' THEN 1 WHEN 'nation' THEN 2 ELSE 0 END, gap DESC NULLS LAST, label`;
}

/**
 * Self-assessment against audit for each ML of an ARML: its mean self-assessed and audited score
 * over the criteria scored in both (`n` criteria), the gap (self − audit, positive when the ML
 * rated itself higher), then the ARML's and the nation's lines (`n` MLs). MLs by gap, largest first.
 */
export function armlPairedQuery(o: PairedOptions & { arml: string }): Query {
	return sql`WITH ${pairsCte(o)}
${ordered(
	sql`SELECT 'ml' AS kind, p.ml_id AS id, m.nom AS label, p.self::DOUBLE AS self, p.audit::DOUBLE AS audit,
	(p.self - p.audit)::DOUBLE AS gap, p.criteria::INTEGER AS n,
	NULL::DOUBLE AS arml_gap, NULL::INTEGER AS arml_n, NULL::DOUBLE AS national_gap
FROM per_ml p JOIN mls m USING (ml_id)
WHERE p.arml_code = ${o.arml}`,
	referenceRows(sql`SELECT ${o.arml}`)
)}`;
}

/**
 * Self-assessment against audit for one ML, criterion by criterion (criteria scored in both), with
 * the mean gap of the ARML's MLs and of all MLs on that criterion; then the ARML's and the nation's
 * lines (means over MLs, as on the ARML page). Criteria by gap, largest first.
 */
export function mlPairedQuery(o: PairedOptions & { id: string }): Query {
	const arml = sql`SELECT arml_code FROM mls WHERE ml_id = ${o.id}`;
	return sql`WITH ${pairsCte(o)},
by_criterion AS (
	SELECT criterion_id, avg(self - audit) AS national_gap,
		avg(self - audit) FILTER (WHERE arml_code = (${arml})) AS arml_gap,
		count(*) FILTER (WHERE arml_code = (${arml})) AS arml_n
	FROM pairs GROUP BY criterion_id
)
${ordered(
	sql`SELECT 'criterion' AS kind, p.criterion_id AS id, p.criterion_id || ' ' || c.short_label AS label,
	p.self::DOUBLE AS self, p.audit::DOUBLE AS audit, (p.self - p.audit)::DOUBLE AS gap, 1 AS n,
	b.arml_gap::DOUBLE AS arml_gap, b.arml_n::INTEGER AS arml_n, b.national_gap::DOUBLE AS national_gap
FROM pairs p JOIN criteria c USING (criterion_id) JOIN by_criterion b USING (criterion_id)
WHERE p.ml_id = ${o.id}`,
	referenceRows(arml)
)}`;
}
