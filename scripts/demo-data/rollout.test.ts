/** The demo's labellisation rollout (docs/demo-data.md): engagement, labels, Commissions, follow-ups. */
import { describe, expect, it } from 'vitest';
import { useDemo } from './database.ts';

const { all, one } = useDemo();

describe('the labellisation rollout', () => {
	const firstDates = `(SELECT ml_id, etape, min(date) AS date FROM labellisation GROUP BY ALL)`;

	it('starts inscriptions in January 2023 and self-assessments in April 2023', async () => {
		const r = await one(`SELECT
			(SELECT min(date) FROM labellisation WHERE etape = 'inscription') AS inscription,
			(SELECT min(date) FROM labellisation WHERE etape = 'auto-evaluation') AS auto_evaluation`);
		expect(r).toEqual({ inscription: '2023-01-09', auto_evaluation: '2023-04-18' });
	});

	it('engages 248 MLs in 2023 and every ML by 31 December 2024', async () => {
		const r = await one(`SELECT count(*) FILTER (WHERE date <= DATE '2023-12-31') AS y2023,
			count(*) FILTER (WHERE date <= DATE '2024-12-31') AS y2024, max(date) AS last
			FROM ${firstDates} WHERE etape = 'inscription'`);
		expect(r).toEqual({ y2023: 248, y2024: 437, last: '2024-12-16' });
	});

	it('grants the first 12 labels at the Commission of 12 December 2023', async () => {
		const r = await one(`SELECT min(date) AS first, count(*) FILTER (WHERE date = DATE '2023-12-12') AS n
			FROM labellisation WHERE etape = 'label'`);
		expect(r).toEqual({ first: '2023-12-12', n: 12 });
	});

	it('has labelled 188 MLs by the end of 2024 and 402 by the end of 2025', async () => {
		const r =
			await one(`SELECT count(*) FILTER (WHERE date <= DATE '2024-12-31') AS end2024, count(*) AS end2025
			FROM ${firstDates} WHERE etape = 'label'`);
		expect(r).toEqual({ end2024: 188, end2025: 402 });
	});

	it('leaves ARML Grand Est the least advanced at the end of 2025 (30 of 36 labelled)', async () => {
		const rows = await all<{ arml_code: string; labelled: number; total: number }>(`
			SELECT d.arml_code, count(DISTINCT l.ml_id)::INTEGER AS labelled, count(DISTINCT m.ml_id)::INTEGER AS total
			FROM missions_locales m JOIN departements d USING (departement_code)
			LEFT JOIN labellisation l ON l.ml_id = m.ml_id AND l.etape = 'label'
			GROUP BY ALL ORDER BY labelled / total, arml_code`);
		expect(rows[0]).toEqual({ arml_code: 'grand-est', labelled: 30, total: 36 });
		expect(rows.filter((r) => r.labelled === r.total).map((r) => r.arml_code)).toEqual([
			'antilles-guyane',
			'bretagne',
			'corse'
		]);
	});

	it('postpones 16 MLs (3.7 %), 11 of them labelled after a new audit', async () => {
		const r = await one(`SELECT count(DISTINCT ml_id) AS postponed,
			count(DISTINCT ml_id) FILTER (WHERE ml_id IN (SELECT ml_id FROM labellisation WHERE etape = 'label')) AS labelled_later
			FROM labellisation WHERE etape = 'ajournement'`);
		expect(r).toEqual({ postponed: 16, labelled_later: 11 });
	});

	it('leaves 35 MLs in progress at the end of 2025: 15 awaiting audit, 15 awaiting the Commission, 5 postponed', async () => {
		const rows = await all<{ stage: string; n: number }>(`SELECT
			CASE WHEN bool_or(etape = 'ajournement') THEN 'postponed' WHEN bool_or(etape = 'audit') THEN 'audited' ELSE 'planned' END AS stage,
			ml_id FROM labellisation GROUP BY ml_id HAVING NOT bool_or(etape = 'label')`);
		const count = (stage: string) => rows.filter((r) => r.stage === stage).length;
		expect([rows.length, count('planned'), count('audited'), count('postponed')]).toEqual([35, 15, 15, 5]);
	});

	it('holds Commission sessions on nine fixed dates, labels and postponements on those dates only', async () => {
		const sessions = await all<{ date: string }>(
			`SELECT DISTINCT date FROM labellisation WHERE etape = 'commission' ORDER BY date`
		);
		expect(sessions.map((s) => s.date)).toEqual([
			'2023-12-12',
			'2024-03-19',
			'2024-06-18',
			'2024-10-08',
			'2024-12-10',
			'2025-03-18',
			'2025-06-17',
			'2025-10-07',
			'2025-12-09'
		]);
		const decisions = await all<{ date: string; labels: number; postponed: number }>(`SELECT date,
			count(*) FILTER (WHERE etape = 'label')::INTEGER AS labels,
			count(*) FILTER (WHERE etape = 'ajournement')::INTEGER AS postponed
			FROM labellisation WHERE etape IN ('label', 'ajournement') GROUP BY 1 ORDER BY 1`);
		expect(decisions.map((d) => [d.labels, d.postponed])).toEqual([
			[12, 0],
			[11, 0],
			[53, 4],
			[73, 4],
			[39, 1],
			[77, 2],
			[60, 2],
			[60, 3],
			[17, 0]
		]);
		const { off } = await one<{ off: number }>(`SELECT count(*) AS off FROM labellisation
			WHERE etape IN ('label', 'ajournement') AND date NOT IN (SELECT date FROM labellisation WHERE etape = 'commission')`);
		expect(off).toBe(0);
	});

	it('never labels an ML without an audit before and a commission on the day or before', async () => {
		const { bad } = await one<{
			bad: number;
		}>(`SELECT count(*) AS bad FROM labellisation l WHERE etape = 'label' AND (
			NOT EXISTS (SELECT 1 FROM labellisation a WHERE a.ml_id = l.ml_id AND a.etape = 'audit' AND a.date < l.date)
			OR NOT EXISTS (SELECT 1 FROM labellisation c WHERE c.ml_id = l.ml_id AND c.etape = 'commission' AND c.date <= l.date))`);
		expect(bad).toBe(0);
	});

	it('follows up every ML labelled by the end of 2024 with an audit a year later (200 follow-up audits)', async () => {
		const r = await one(`SELECT count(*) AS audits, count(DISTINCT ml_id) AS mls,
			count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM labellisation l WHERE l.ml_id = s.ml_id AND l.etape = 'label'
				AND s.date BETWEEN l.date + INTERVAL 340 DAY AND l.date + INTERVAL 760 DAY)) AS unexplained
			FROM labellisation s WHERE etape = 'audit-suivi'`);
		expect(r).toEqual({ audits: 200, mls: 188, unexplained: 0 });
	});
});
