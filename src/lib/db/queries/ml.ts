import { STEPS } from '../../model/domain';
import { join, sql } from '../sql';
import type { Query } from '../types';
import type { ArmlViewOptions } from './arml';
import { mlsCte, pickedCte, scoredCte } from './common';
import { nationalMedians, ratesCte } from './rates';
export type { MlProfile, MlCriterionScore, MlEvent, MlYear } from '../../model/rows';

/** One ML's profile (no row when the id is unknown). */
export function mlProfileQuery(id: string, today: string): Query {
	return sql`WITH ${mlsCte(today)}
SELECT m.ml_id, m.nom, m.commune, m.departement_code, d.nom AS departement_nom, m.arml_code, m.arml_nom,
	m.status, m.current_step, m.current_step_date, ml.statut, ml.sites, ml.effectif_etp
FROM mls m
JOIN missions_locales ml USING (ml_id)
LEFT JOIN departements d ON d.departement_code = m.departement_code
WHERE m.ml_id = ${id}`;
}

/**
 * An ML's score per criterion (all criteria of the référentiel, in order) beside the mean of the
 * MLs of its ARML (itself included) and the national mean, for one campaign choice and phase.
 * No row when the id is unknown.
 */
export function mlScoresQuery(options: ArmlViewOptions & { id: string }): Query {
	return sql`WITH ${scoredCte([options.phase])},
${pickedCte(options.campaign)},
${mlsCte(options.today)},
me AS (SELECT arml_code FROM mls WHERE ml_id = ${options.id}),
placed AS (SELECT p.ml_id, p.criterion_id, p.score, p.campagne, m.arml_code FROM picked p JOIN mls m USING (ml_id))
SELECT c.criterion_id, c.short_label, c.title, c.chapter_id, c.position,
	max(s.score) FILTER (WHERE s.ml_id = ${options.id})::DOUBLE AS score,
	max(s.campagne) FILTER (WHERE s.ml_id = ${options.id})::INTEGER AS campagne,
	avg(s.score) FILTER (WHERE s.arml_code = me.arml_code)::DOUBLE AS arml_mean,
	count(s.ml_id) FILTER (WHERE s.arml_code = me.arml_code)::INTEGER AS arml_n,
	avg(s.score)::DOUBLE AS national_mean,
	count(s.ml_id)::INTEGER AS national_n
FROM criteria c CROSS JOIN me LEFT JOIN placed s USING (criterion_id)
GROUP BY c.criterion_id, c.short_label, c.title, c.chapter_id, c.position
ORDER BY c.position`;
}

/** An ML's labellisation events in order (by date, then by the order of the journey's steps). */
export function mlTimelineQuery(id: string): Query {
	const rank = join(
		STEPS.map((step, i) => sql` WHEN ${step} THEN ${i + 1}`),
		''
	);
	return sql`SELECT etape, strftime(date, '%Y-%m-%d') AS date, commentaire
FROM labellisation WHERE ml_id = ${id}
ORDER BY date, CASE etape${rank} END`;
}

/** An ML's key figures year by year (oldest first), rates per 100 jeunes accompagnés and national medians. */
export function mlKeyFiguresQuery(id: string): Query {
	return sql`WITH ${ratesCte()},
national AS (SELECT annee, ${nationalMedians()}, count(*)::INTEGER AS national_mls FROM rates GROUP BY annee)
SELECT r.* EXCLUDE (ml_id), k.premiers_accueils, k.pacea, n.* EXCLUDE (annee)
FROM rates r
JOIN chiffres_cles k USING (ml_id, annee)
JOIN national n USING (annee)
WHERE r.ml_id = ${id}
ORDER BY r.annee`;
}
