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

export type CubeIndexes = {
	phases: readonly string[];
	criteria: readonly string[];
	elements: readonly string[];
};

/**
 * Fills `table` (a temporary table) with every level of `evaluations` by the indexes the cube's
 * columns are laid out by: each ML's position in `missions_locales` by id (as `cubeMlsQuery` orders
 * them), each phase's in `phases`, each criterion's and element's in the référentiel's lists (-1
 * when unknown). Read once; the queries below then work on integers only.
 */
export function cubeLevelsTable(table: string, ix: CubeIndexes): Query {
	const values = (ids: readonly string[]) =>
		join(
			ids.map((id, i) => sql`(${id}::VARCHAR, ${i}::INTEGER)`),
			', '
		);
	return sql`CREATE OR REPLACE TEMP TABLE ${raw(ident(table))} AS
WITH ml_ix AS (SELECT ml_id, (row_number() OVER (ORDER BY ml_id) - 1)::INTEGER AS ml FROM missions_locales),
phase_ix(phase, p) AS (VALUES ${values(ix.phases)}),
criterion_ix(critere_id, c) AS (VALUES ${values(ix.criteria)}),
element_ix(element_id, e) AS (VALUES ${values(ix.elements)})
SELECT x.ml, v.campagne::INTEGER AS campagne, ph.p, coalesce(cr.c, -1) AS c,
	CASE WHEN v.element_id IS NULL THEN -1 ELSE coalesce(el.e, -2) END AS e, v.niveau::INTEGER AS niveau
FROM evaluations v JOIN ml_ix x USING (ml_id) JOIN phase_ix ph USING (phase)
	LEFT JOIN criterion_ix cr USING (critere_id) LEFT JOIN element_ix el USING (element_id)
WHERE v.niveau IS NOT NULL`;
}

/**
 * The groups (ML, campaign, phase) with at least one level of a known criterion, numbered in the
 * order of ML, campaign and phase, on the levels of `cubeLevelsTable`.
 */
function groupsCte(table: string): Query {
	return sql`group_ix AS (
	SELECT ml, campagne, p, (row_number() OVER (ORDER BY ml, campagne, p) - 1)::INTEGER AS g
	FROM (SELECT DISTINCT ml, campagne, p FROM ${raw(ident(table))} WHERE c >= 0)
)`;
}

/** The groups as indexes, in their order. */
export function cubeGroupsQuery(table: string): Query {
	return sql`WITH ${groupsCte(table)}
SELECT ml, campagne AS campaign, p AS phase FROM group_ix ORDER BY g`;
}

/**
 * Every level of a group (ML, campaign, phase) of `cubeGroupsQuery`, by index: its group `g`, its
 * criterion `c` (-1 when unknown) and element `e` (-1 for a criterion-level row, -2 for an unknown
 * element), and its `niveau`. `build.ts` sums them into the score and element cells: grouping the
 * 4.3 million element cells of scale 10 in SQL, one group each, was most of the cube's time.
 */
export function cubeLevelCellsQuery(table: string): Query {
	return sql`WITH ${groupsCte(table)}
SELECT g, c::SMALLINT AS c, e::SMALLINT AS e, niveau
FROM ${raw(ident(table))} JOIN group_ix USING (ml, campagne, p)
WHERE c >= 0 OR e >= 0`;
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
