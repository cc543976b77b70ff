import type {
	CriterionPlans,
	MlAction,
	MlFinding,
	OverdueAction,
	PlansPresence,
	UncoveredCriterion
} from '../../model/rows';
import type { CriteriaPlansOptions, OverdueOptions, PlansScope } from '../../model/views';
import { sql } from '../sql';
import type { Query } from '../types';
import { mlsCte, mlsWhere, pickedCte, scoredCte } from './common';

export type { CriterionPlans, MlAction, MlFinding, OverdueAction, PlansPresence, UncoveredCriterion };

/**
 * `as_of`: the data's latest date (labellisation steps, evaluations, action updates): an action is
 * overdue when its deadline is before it and it is still planned or under way. The data's date,
 * not the clock's, so that an old export reads as it stood.
 */
function asOfCte(): Query {
	return sql`as_of AS (
	SELECT greatest(
		(SELECT max(date) FROM labellisation), (SELECT max(date) FROM evaluations), (SELECT max(date_maj) FROM actions)
	) AS d
)`;
}

/** Whether an action is overdue, reading `as_of`. */
const overdue = sql`(a.statut IN ('prevue', 'en-cours') AND a.echeance < (SELECT d FROM as_of))`;

/** How many actions and findings the dataset holds (both tables are optional). */
export function plansPresenceQuery(): Query {
	return sql`SELECT (SELECT count(*) FROM actions)::INTEGER AS actions, (SELECT count(*) FROM constats)::INTEGER AS constats,
	strftime((SELECT greatest(
		(SELECT max(date) FROM labellisation), (SELECT max(date) FROM evaluations), (SELECT max(date_maj) FROM actions)
	)), '%Y-%m-%d') AS as_of`;
}

/** An ML's improvement actions, in référentiel then deadline order, each marked overdue or not. */
export function mlActionsQuery(id: string): Query {
	return sql`WITH ${asOfCte()}
SELECT a.critere_id AS criterion_id, c.short_label, a.libelle, strftime(a.echeance, '%Y-%m-%d') AS echeance,
	a.statut, strftime(a.date_maj, '%Y-%m-%d') AS date_maj, ${overdue} AS overdue
FROM actions a JOIN criteria c ON c.criterion_id = a.critere_id
WHERE a.ml_id = ${id}
ORDER BY c.position, a.echeance, a.libelle`;
}

/** The findings of an ML's latest audited campaign, in référentiel order (areas to improve first). */
export function mlFindingsQuery(id: string): Query {
	return sql`SELECT f.campagne, f.critere_id AS criterion_id, c.short_label, f.type, f.texte
FROM constats f JOIN criteria c ON c.criterion_id = f.critere_id
WHERE f.ml_id = ${id} AND f.campagne = (SELECT max(campagne) FROM constats WHERE ml_id = ${id})
ORDER BY c.position, f.type, f.texte`;
}

/** The overdue actions of an ARML's MLs, oldest deadline first. */
export function armlOverdueQuery(o: OverdueOptions): Query {
	return sql`WITH ${mlsCte(o.today)}, ${asOfCte()}
SELECT m.ml_id, m.nom, a.critere_id AS criterion_id, c.short_label, a.libelle,
	strftime(a.echeance, '%Y-%m-%d') AS echeance, a.statut
FROM actions a JOIN mls m USING (ml_id) JOIN criteria c ON c.criterion_id = a.critere_id
WHERE m.arml_code = ${o.arml} AND ${overdue}
ORDER BY a.echeance, m.nom, c.position`;
}

/**
 * `weak`: each (ML, criterion) scored below the threshold (in the phase and campaign), with
 * `planned` when the ML has an action on it that is not abandoned.
 */
function weakCte(o: PlansScope): Query {
	return sql`${scoredCte([o.phase])}, ${pickedCte(o.campaign)}, ${mlsCte(o.today)},
weak AS (
	SELECT p.ml_id, p.criterion_id, m.nom, m.arml_code,
		EXISTS (SELECT 1 FROM actions a WHERE a.ml_id = p.ml_id AND a.critere_id = p.criterion_id AND a.statut <> 'abandonnee') AS planned
	FROM picked p JOIN mls m USING (ml_id)
	WHERE p.score < ${o.threshold}
)`;
}

/** For an ARML: each criterion some MLs score below the threshold, how many have no action on it, and which. */
export function armlUncoveredQuery(o: PlansScope & { arml: string }): Query {
	return sql`WITH ${weakCte(o)}
SELECT w.criterion_id, c.short_label, count(*)::INTEGER AS weak,
	count(*) FILTER (WHERE NOT w.planned)::INTEGER AS uncovered,
	string_agg(w.nom, ', ' ORDER BY w.nom) FILTER (WHERE NOT w.planned) AS uncovered_mls
FROM weak w JOIN criteria c USING (criterion_id)
WHERE w.arml_code = ${o.arml}
GROUP BY w.criterion_id, c.short_label, c.position
HAVING count(*) FILTER (WHERE NOT w.planned) > 0
ORDER BY uncovered DESC, c.position`;
}

/**
 * For each criterion, network-wide: the share of assessed MLs below the threshold (`n` assessed,
 * among the MLs of `missions_locales`, as the weak ones),
 * how many of those have an action on it, and the actions (not abandoned) on it by status.
 */
export function criteriaPlansQuery(o: CriteriaPlansOptions): Query {
	return sql`WITH ${weakCte(o)},
scope AS (SELECT ml_id FROM mls ${mlsWhere(o)}),
assessed AS (SELECT p.criterion_id, count(*) AS n FROM picked p JOIN scope USING (ml_id) GROUP BY p.criterion_id),
acted AS (
	SELECT critere_id AS criterion_id, count(*) FILTER (WHERE statut <> 'abandonnee') AS actions,
		count(*) FILTER (WHERE statut = 'realisee') AS done, count(DISTINCT ml_id) FILTER (WHERE statut <> 'abandonnee') AS mls
	FROM actions JOIN scope USING (ml_id) GROUP BY critere_id
),
scoped_weak AS (SELECT * FROM weak JOIN scope USING (ml_id))
SELECT c.criterion_id, c.short_label, coalesce(s.n, 0)::INTEGER AS n,
	(SELECT count(*) FROM scoped_weak w WHERE w.criterion_id = c.criterion_id)::INTEGER AS weak,
	(SELECT count(*) FROM scoped_weak w WHERE w.criterion_id = c.criterion_id AND w.planned)::INTEGER AS weak_planned,
	coalesce(a.actions, 0)::INTEGER AS actions, coalesce(a.done, 0)::INTEGER AS done, coalesce(a.mls, 0)::INTEGER AS mls
FROM criteria c LEFT JOIN assessed s USING (criterion_id) LEFT JOIN acted a USING (criterion_id)
ORDER BY c.position`;
}
