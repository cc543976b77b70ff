/** A worked example of the console: a question the analysts asked, and the SQL that answers it. */
export type ConsoleExample = { id: string; question: string; sql: string };

const LATEST = '(SELECT max(campagne) FROM evaluations)';

/** Worked examples, from the analysts' questions, over the active dataset's tables. */
export const EXAMPLES: readonly ConsoleExample[] = [
	{
		id: 'criteres-faibles',
		question: 'Quels critères sont les plus faibles dans tout le réseau (audit, dernière campagne) ?',
		sql: `-- Part des Missions Locales dont le niveau moyen du critère est sous 3
WITH niveaux AS (
  SELECT ml_id, critere_id, avg(niveau) AS niveau
  FROM evaluations
  WHERE phase = 'audit' AND campagne = ${LATEST}
  GROUP BY ml_id, critere_id
)
SELECT n.critere_id, c.short_label AS critere,
  count(*) AS missions_locales,
  round(100 * avg(CASE WHEN n.niveau < 3 THEN 1 ELSE 0 END), 1) AS pct_sous_seuil,
  round(avg(n.niveau), 2) AS niveau_moyen
FROM niveaux n
JOIN criteria c ON c.criterion_id = n.critere_id
GROUP BY ALL
ORDER BY pct_sous_seuil DESC, niveau_moyen
LIMIT 10`
	},
	{
		id: 'sous-seuil-arml',
		question: 'Quelles Missions Locales d’une ARML sont sous le seuil sur un critère ?',
		sql: `-- Changez l'ARML ('occitanie') et le critère ('2.1') à votre guise
SELECT m.ml_id, m.nom, m.commune, e.phase,
  round(avg(e.niveau), 2) AS niveau_moyen
FROM evaluations e
JOIN missions_locales m ON m.ml_id = e.ml_id
JOIN departements d ON d.departement_code = m.departement_code
WHERE d.arml_code = 'occitanie' AND e.critere_id = '2.1' AND e.campagne = ${LATEST}
GROUP BY ALL
HAVING avg(e.niveau) < 3
ORDER BY niveau_moyen, m.nom`
	},
	{
		id: 'ecart-auto-audit',
		question: 'Où l’auto-évaluation dépasse-t-elle le plus l’audit ?',
		sql: `-- Niveau moyen par critère et par phase, dernière campagne ; écart = auto-évaluation - audit
WITH par_phase AS (
  SELECT critere_id, phase, avg(niveau) AS niveau
  FROM evaluations
  WHERE campagne = ${LATEST}
  GROUP BY ALL
)
SELECT critere_id,
  round(max(niveau) FILTER (WHERE phase = 'auto-evaluation'), 2) AS auto_evaluation,
  round(max(niveau) FILTER (WHERE phase = 'audit'), 2) AS audit,
  round(auto_evaluation - audit, 2) AS ecart
FROM par_phase
GROUP BY critere_id
ORDER BY ecart DESC`
	},
	{
		id: 'etapes',
		question: 'Combien de Missions Locales ont atteint chaque étape du parcours ?',
		sql: `SELECT etape, count(DISTINCT ml_id) AS missions_locales, max(date) AS derniere_date
FROM labellisation
GROUP BY etape
ORDER BY missions_locales DESC`
	}
];
