import { sql } from '../sql';
import type { Query } from '../types';
import { mlsCte, mlsWhere, pickedCte, scoredCte } from './common';
import type { TrainingTarget, TargetMl } from '../../model/rows';
export type { TrainingCount, TrainingTarget, TargetMl } from '../../model/rows';

import type { TrainingOptions } from '../../model/views';
export type { TrainingOptions } from '../../model/views';

function belowCte(options: TrainingOptions): Query {
	return sql`WITH ${scoredCte([options.phase])},
${pickedCte(options.campaign)},
${mlsCte(options.today)},
scope AS (
	SELECT ml_id, nom, coalesce(arml_code, '?') AS arml_code, coalesce(arml_nom, 'Département inconnu') AS arml_nom
	FROM mls ${mlsWhere(options)}
),
units AS (
	SELECT s.*, p.criterion_id, p.score, p.score < ${options.threshold} AS is_below
	FROM picked p JOIN scope s USING (ml_id)
	WHERE p.criterion_id IN ${options.criteria}
)`;
}

/**
 * MLs below the threshold, counted by ARML × targeted criterion (an ML below on two criteria
 * counts once in each), with each ARML's number of distinct MLs to train.
 */
export function trainingCountsQuery(options: TrainingOptions): Query {
	return sql`${belowCte(options)},
per_arml AS (
	SELECT arml_code, count(DISTINCT ml_id) FILTER (WHERE is_below)::INTEGER AS mls_below
	FROM units GROUP BY ALL
)
SELECT u.arml_code, any_value(u.arml_nom) AS arml_nom, u.criterion_id,
	count(*)::INTEGER AS assessed,
	count(*) FILTER (WHERE u.is_below)::INTEGER AS below,
	any_value(pa.mls_below) AS mls_below
FROM units u JOIN per_arml pa USING (arml_code) JOIN criteria c USING (criterion_id)
GROUP BY u.arml_code, u.criterion_id, c.position
ORDER BY strip_accents(any_value(u.arml_nom)), c.position`;
}

/** Every (ML, targeted criterion) below the threshold, by ARML and ML name (accents ignored), then référentiel order. */
export function trainingTargetsQuery(options: TrainingOptions): Query {
	return sql`${belowCte(options)}
SELECT u.ml_id, u.nom, u.arml_code, u.arml_nom, u.criterion_id, u.score
FROM units u JOIN criteria c USING (criterion_id)
WHERE u.is_below
ORDER BY strip_accents(u.arml_nom), strip_accents(u.nom), u.ml_id, c.position`;
}

/** Groups target rows (as `trainingTargetsQuery` orders them) into one entry per ML. */
export function groupTargets(rows: readonly TrainingTarget[]): TargetMl[] {
	const byMl = new Map<string, TargetMl>();
	for (const r of rows) {
		const entry = byMl.get(r.ml_id) ?? { ml_id: r.ml_id, nom: r.nom, arml_nom: r.arml_nom, below: [] };
		entry.below.push({ criterion_id: r.criterion_id, score: r.score });
		byMl.set(r.ml_id, entry);
	}
	return [...byMl.values()];
}
