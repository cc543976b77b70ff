import { KEY_FIGURES, STEPS } from '../../model/domain';
import { ident, join, raw, sql } from '../sql';
import type { Query } from '../types';
import { mlsCte } from './common';

/**
 * The queries the cube is computed from (`src/lib/cube/build.ts`): the same on Node at build time
 * and on DuckDB-WASM at import time. Each returns plain rows in a fixed order.
 */

/**
 * The data's own date: the latest event or evaluation, or the last day of the latest year of key
 * figures when that is later (a year of activity runs to 31 December). Null on empty data.
 */
export function dataDateQuery(): Query {
	return sql`SELECT strftime(greatest(
	(SELECT max(date) FROM labellisation),
	(SELECT max(date) FROM evaluations),
	(SELECT make_date(max(annee), 12, 31) FROM chiffres_cles)
), '%Y-%m-%d') AS date`;
}

/** Reference geography, in table order. */
export function cubeGeographyQueries() {
	return {
		arml: sql`SELECT arml_code AS code, nom AS name FROM arml ORDER BY arml_code`,
		regions: sql`SELECT region_code AS code, nom AS name FROM regions ORDER BY region_code`,
		departements: sql`SELECT departement_code AS code, nom AS name, region_code, arml_code FROM departements ORDER BY departement_code`
	};
}

/** Every ML with its status on `date` (as `mlsCte` reads it), by id. */
export function cubeMlsQuery(date: string): Query {
	return sql`WITH ${mlsCte(date)}
SELECT m.ml_id, m.nom, m.commune, m.departement_code, ml.statut, ml.sites, ml.effectif_etp::DOUBLE AS effectif_etp,
	m.status, m.current_step, m.current_step_date
FROM mls m JOIN missions_locales ml USING (ml_id)
ORDER BY m.ml_id`;
}

/**
 * Per (ML, campaign, phase, criterion): the sum and count of the levels the score averages (the
 * criterion-level rows when there are, else the elements'), as `scoredCte` chooses them.
 */
export function cubeScoresQuery(): Query {
	return sql`SELECT ml_id, campagne, phase, critere_id AS criterion_id,
	CASE WHEN count(niveau) FILTER (WHERE element_id IS NULL) > 0
		THEN sum(niveau) FILTER (WHERE element_id IS NULL) ELSE sum(niveau) END::INTEGER AS total,
	CASE WHEN count(niveau) FILTER (WHERE element_id IS NULL) > 0
		THEN count(niveau) FILTER (WHERE element_id IS NULL) ELSE count(niveau) END::INTEGER AS n
FROM evaluations
WHERE niveau IS NOT NULL
GROUP BY ALL
ORDER BY ml_id, campagne, phase`;
}

/** Per (ML, campaign, phase, element): the sum and count of its levels. */
export function cubeElementsQuery(): Query {
	return sql`SELECT ml_id, campagne, phase, element_id, sum(niveau)::INTEGER AS total, count(niveau)::INTEGER AS n
FROM evaluations
WHERE niveau IS NOT NULL AND element_id IS NOT NULL
GROUP BY ALL`;
}

/** Campaigns present in the evaluations (the filters' domain). */
export function cubeCampaignsQuery(): Query {
	return sql`SELECT DISTINCT campagne FROM evaluations WHERE campagne IS NOT NULL ORDER BY campagne`;
}

/** Labellisation events by ML, date and the journey's order of steps. */
export function cubeEventsQuery(): Query {
	const rank = join(
		STEPS.map((step, i) => sql` WHEN ${step} THEN ${i + 1}`),
		''
	);
	return sql`SELECT ml_id, etape, strftime(date, '%Y-%m-%d') AS date, commentaire
FROM labellisation
ORDER BY ml_id, date, CASE etape${rank} END`;
}

/** Key figures by ML and year. */
export function cubeFiguresQuery(): Query {
	const figures = raw(KEY_FIGURES.map((f) => `${ident(f)}::DOUBLE AS ${ident(f)}`).join(', '));
	return sql`SELECT ml_id, annee, ${figures} FROM chiffres_cles ORDER BY ml_id, annee`;
}

/** Improvement actions, as plain rows (dates as ISO text). */
export function cubeActionsQuery(): Query {
	return sql`SELECT ml_id, critere_id AS criterion_id, libelle, strftime(echeance, '%Y-%m-%d') AS echeance, statut,
	strftime(date_maj, '%Y-%m-%d') AS date_maj
FROM actions`;
}

/** Audit findings, as plain rows. */
export function cubeFindingsQuery(): Query {
	return sql`SELECT ml_id, campagne, critere_id AS criterion_id, type, texte FROM constats`;
}
