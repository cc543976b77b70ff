import { STEPS, type Phase } from '../../model/domain';
import type { Filters, Status } from '../../model/filters';
import { empty, join, raw, sql } from '../sql';
import type { Query } from '../types';

/**
 * The scoring rule as SQL: one score per (ML, campaign, phase, criterion). A criterion-level row
 * (no element) wins; otherwise the unrounded mean of the assessed elements.
 */
export function scoredCte(phases: readonly Phase[]): Query {
	return sql`scored AS (
	SELECT ml_id, campagne, phase, critere_id AS criterion_id,
		coalesce(avg(niveau) FILTER (WHERE element_id IS NULL), avg(niveau))::DOUBLE AS score
	FROM evaluations
	WHERE niveau IS NOT NULL AND phase IN ${phases}
	GROUP BY ALL
)`;
}

/** Keeps one campaign, or each ML's latest campaign (per phase); reads `scored`. */
export function pickedCte(campaign: Filters['campaign']): Query {
	if (campaign === 'latest')
		return sql`picked AS (
	SELECT s.* FROM scored s
	JOIN (SELECT ml_id, phase, max(campagne) AS campagne FROM scored GROUP BY ALL) USING (ml_id, phase, campagne)
)`;
	return sql`picked AS (SELECT * FROM scored WHERE campagne = ${campaign})`;
}

/** The rank of a labellisation step, to order events of the same day. */
function stepRank(): Query {
	const whens = STEPS.map((step, i) => sql` WHEN ${step} THEN ${i + 1}`);
	return sql`CASE etape${join(whens, '')} END`;
}

/**
 * Every ML with its geography and its labellisation status on `today` (its latest event on or
 * before that date): `labellisee`, `ajournee`, `en-cours` or `non-engagee`.
 */
export function mlsCte(today: string): Query {
	return sql`current_step AS (
	SELECT ml_id, etape, date FROM (
		SELECT ml_id, etape, date,
			row_number() OVER (PARTITION BY ml_id ORDER BY date DESC, ${stepRank()} DESC) AS r
		FROM labellisation WHERE date <= ${today}::DATE
	) WHERE r = 1
),
mls AS (
	SELECT m.ml_id, m.nom, m.commune, m.departement_code,
		d.region_code, r.nom AS region_nom, d.arml_code, a.nom AS arml_nom,
		cs.etape AS current_step, strftime(cs.date, '%Y-%m-%d') AS current_step_date,
		CASE
			WHEN cs.etape IS NULL THEN 'non-engagee'
			WHEN cs.etape IN ('label', 'audit-suivi') THEN 'labellisee'
			WHEN cs.etape = 'ajournement' THEN 'ajournee'
			ELSE 'en-cours'
		END AS status
	FROM missions_locales m
	LEFT JOIN departements d USING (departement_code)
	LEFT JOIN regions r USING (region_code)
	LEFT JOIN arml a USING (arml_code)
	LEFT JOIN current_step cs USING (ml_id)
)`;
}

/** WHERE conditions on `mls` for the ARML and status filters. */
export function mlsWhere(filters: Pick<Filters, 'arml' | 'status'>): Query {
	const conditions: Query[] = [];
	if (filters.arml) conditions.push(sql`arml_code = ${filters.arml}`);
	if (filters.status) conditions.push(statusCondition(filters.status));
	return conditions.length ? sql`WHERE ${join(conditions, ' AND ')}` : empty;
}

function statusCondition(status: Status): Query {
	if (status === 'non-labellisee') return sql`status <> 'labellisee'`;
	return sql`status = ${status}`;
}

export { phasesOf } from '../../model/views';

export { raw };
