import { empty, sql } from '../sql';
import type { Query } from '../types';
import { mlsCte } from './common';
export type { StepCount, TimelinePoint } from '../../model/rows';

export function stepsQuery(today: string, arml: string | null = null): Query {
	const where = arml ? sql`WHERE arml_code = ${arml}` : empty;
	return sql`WITH ${mlsCte(today)}
SELECT coalesce(arml_code, '?') AS arml_code, coalesce(arml_nom, 'Département inconnu') AS arml_nom,
	coalesce(current_step, 'non-engagee') AS step, count(*)::INTEGER AS n
FROM mls ${where}
GROUP BY ALL ORDER BY arml_nom, step`;
}

export function timelineQuery(today: string): Query {
	return sql`WITH firsts AS (
	SELECT m.ml_id,
		min(l.date) AS engaged_on,
		min(l.date) FILTER (WHERE l.etape = 'label') AS labelled_on
	FROM missions_locales m LEFT JOIN labellisation l ON l.ml_id = m.ml_id AND l.date <= ${today}::DATE
	GROUP BY ALL
),
bounds AS (
	SELECT date_trunc('month', min(engaged_on)) AS first_month, date_trunc('month', max(engaged_on)) AS last_month,
		max(labelled_on) AS last_label
	FROM firsts
),
months AS (
	SELECT unnest(generate_series(first_month::DATE,
		date_trunc('month', greatest(last_month, coalesce(last_label, last_month)))::DATE, INTERVAL 1 MONTH)) AS month
	FROM bounds WHERE first_month IS NOT NULL
)
SELECT strftime(month, '%Y-%m-%d') AS month,
	(SELECT count(*) FROM firsts WHERE engaged_on < month + INTERVAL 1 MONTH)::INTEGER AS engaged,
	(SELECT count(*) FROM firsts WHERE labelled_on < month + INTERVAL 1 MONTH)::INTEGER AS labelled,
	(SELECT count(*) FROM missions_locales)::INTEGER AS total
FROM months ORDER BY month`;
}
