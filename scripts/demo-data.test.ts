/**
 * Checks, with DuckDB queries over freshly generated files, every statement of docs/demo-data.md,
 * the data contract, and that the generator writes the same bytes on every run.
 *
 * Scoring rule of the queries: for one ML, campaign, phase and criterion, a criterion-level row
 * (element_id empty) wins; otherwise the score is the unrounded mean of its assessed elements.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_FIGURES, PHASES, STATUTS, STEPS, TABLES, sqlType } from '../src/lib/data/contract.ts';
import { openNodeDatabase } from '../src/lib/db/node.ts';
import { ident, join as joinSql, raw, sql } from '../src/lib/db/sql.ts';
import type { Database, Row } from '../src/lib/db/types.ts';
import { NATIONAL_TOTALS, YEARS } from './demo/keyFigures.ts';
import { loadCriteria } from './demo/referentiel.ts';
import { generateDemo } from './generate-demo.ts';
import { REFERENCE_TABLES } from './reference.ts';

let dirA: string;
let dirB: string;
let db: Database;

/** Runs project-written SQL without parameters. */
const all = <T extends object = Row>(text: string) => db.query<T>({ sql: text, params: [] });
const one = async <T extends object = Row>(text: string) => (await all<T>(text))[0];
/** Figures of docs/demo-data.md are given to two decimals; a small tolerance keeps them honest. */
function expectNear(actual: number, expected: number, label: string, tolerance = 0.03) {
	expect(Math.abs(actual - expected), `${label}: ${actual} ≉ ${expected}`).toBeLessThanOrEqual(tolerance);
}

function files(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => statSync(join(dir, f)).isFile())
		.sort();
}

beforeAll(async () => {
	dirA = mkdtempSync(join(tmpdir(), 'demo-a-'));
	dirB = mkdtempSync(join(tmpdir(), 'demo-b-'));
	await generateDemo(dirA);
	await generateDemo(dirB);
	db = await openNodeDatabase({ threads: 1 });
	for (const t of TABLES) {
		const path = join(dirA, `${t.name}.parquet`);
		await db.query(sql`CREATE TABLE ${raw(ident(t.name))} AS SELECT * FROM read_parquet(${path})`);
	}
	for (const t of REFERENCE_TABLES) {
		const path = join(dirA, 'reference', `${t.name}.parquet`);
		await db.query(sql`CREATE TABLE ${raw(ident(t.name))} AS SELECT * FROM read_parquet(${path})`);
	}
	const pairs = loadCriteria().flatMap((c) => c.elements.map((e) => sql`(${c.id}, ${e})`));
	await db.query(
		sql`CREATE TABLE referentiel AS SELECT * FROM (VALUES ${joinSql(pairs, ', ')}) AS t(critere_id, element_id)`
	);
	await db.exec(`CREATE TABLE scores AS
		SELECT ml_id, campagne, phase, critere_id,
			coalesce(max(niveau) FILTER (WHERE element_id IS NULL), avg(niveau) FILTER (WHERE element_id IS NOT NULL)) AS score
		FROM evaluations GROUP BY ALL`);
	await db.exec(`CREATE TABLE ml_arml AS
		SELECT ml_id, arml_code FROM missions_locales JOIN departements USING (departement_code)`);
}, 180_000);

afterAll(async () => {
	await db?.close();
	for (const dir of [dirA, dirB]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the generator', () => {
	it('writes the same bytes on every run', () => {
		const a = files(dirA);
		expect(a).toEqual(files(dirB));
		expect(a).toContain('evaluations.parquet');
		for (const f of a) expect(readFileSync(join(dirA, f)).equals(readFileSync(join(dirB, f))), f).toBe(true);
	});

	it('writes a manifest with the row count of each table', async () => {
		const manifest = JSON.parse(readFileSync(join(dirA, 'manifest.json'), 'utf8'));
		expect(manifest.generatorVersion).toMatch(/\S/);
		for (const t of TABLES) {
			const { n } = await one<{ n: number }>(`SELECT count(*) AS n FROM ${ident(t.name)}`);
			expect(manifest.tables[t.name], t.name).toBe(n);
		}
		expect(manifest.reference).toEqual({ regions: 19, departements: 102, arml: 15 });
	});

	it('keeps evaluations between 100,000 and 300,000 rows', async () => {
		const { n } = await one<{ n: number }>('SELECT count(*) AS n FROM evaluations');
		expect(n).toBeGreaterThanOrEqual(100_000);
		expect(n).toBeLessThanOrEqual(300_000);
	});
});

describe('the data contract', () => {
	it('types each Parquet column as the contract says, in its order', async () => {
		for (const t of TABLES) {
			const cols = await all<{ column_name: string; column_type: string }>(`DESCRIBE ${ident(t.name)}`);
			expect(cols.map((c) => [c.column_name, c.column_type])).toEqual(
				t.columns.map((c) => [c.name, sqlType(c.type)])
			);
		}
	});

	it('writes CSV files with the header and the rows of the Parquet files', async () => {
		for (const t of TABLES) {
			const path = join(dirA, `${t.name}.csv`);
			expect(readFileSync(path, 'utf8').split('\n', 1)[0]).toBe(t.columns.map((c) => c.name).join(','));
			const casts = t.columns.map((c) => `CAST(${ident(c.name)} AS ${sqlType(c.type)})`).join(', ');
			const [{ n }] = await db.query<{ n: number }>(
				sql`SELECT count(*) AS n FROM (
					(SELECT ${raw(casts)} FROM read_csv(${path}, header = true, all_varchar = true, delim = ','))
					EXCEPT ALL (SELECT * FROM ${raw(ident(t.name))}))`
			);
			expect(n, t.name).toBe(0);
		}
	});

	it('has unique keys in every table', async () => {
		for (const t of TABLES) {
			const key = t.key.map(ident).join(', ');
			const { dups } = await one<{ dups: number }>(
				`SELECT count(*) AS dups FROM (SELECT ${key} FROM ${ident(t.name)} GROUP BY ALL HAVING count(*) > 1)`
			);
			expect(dups, t.name).toBe(0);
		}
	});

	it('fills required columns and keeps values in their domains', async () => {
		for (const t of TABLES) {
			for (const c of t.columns) {
				const col = ident(c.name);
				const conditions = [
					c.required ? `${col} IS NULL` : 'false',
					c.min !== undefined ? `${col} < ${c.min}` : 'false',
					c.max !== undefined ? `${col} > ${c.max}` : 'false',
					c.type === 'ml_id' ? `NOT regexp_full_match(${col}, '^ML-[0-9AB]{2,3}-[0-9]{2}$')` : 'false'
				];
				const { bad } = await one<{ bad: number }>(
					`SELECT count(*) AS bad FROM ${ident(t.name)} WHERE ${conditions.join(' OR ')}`
				);
				expect(bad, `${t.name}.${c.name}`).toBe(0);
			}
		}
		const enums = await one<Record<string, number>>(`SELECT
			(SELECT count(*) FROM missions_locales WHERE statut NOT IN ('${STATUTS.join("', '")}')) AS statut,
			(SELECT count(*) FROM evaluations WHERE phase NOT IN ('${PHASES.join("', '")}')) AS phase,
			(SELECT count(*) FROM labellisation WHERE etape NOT IN ('${STEPS.join("', '")}')) AS etape,
			(SELECT count(*) FROM missions_locales WHERE departement_code NOT IN (SELECT departement_code FROM departements)) AS departement`);
		expect(enums).toEqual({ statut: 0, phase: 0, etape: 0, departement: 0 });
	});

	it('uses criteria and elements of the référentiel, each element in its own criterion', async () => {
		const { criteria } = await one<{ criteria: number }>(
			'SELECT count(*) AS criteria FROM evaluations WHERE critere_id NOT IN (SELECT critere_id FROM referentiel)'
		);
		const { elements } = await one<{ elements: number }>(`SELECT count(*) AS elements FROM evaluations e
			WHERE element_id IS NOT NULL AND NOT EXISTS
				(SELECT 1 FROM referentiel r WHERE r.critere_id = e.critere_id AND r.element_id = e.element_id)`);
		expect({ criteria, elements }).toEqual({ criteria: 0, elements: 0 });
	});

	it('dates no event after 2025-12-31 and each evaluation inside its campaign', async () => {
		const r = await one(`SELECT
			(SELECT max(date) FROM labellisation) AS last_step,
			(SELECT max(date) FROM evaluations) AS last_evaluation,
			(SELECT count(*) FROM evaluations WHERE year(date) <> campagne) AS outside`);
		expect(r.last_step! <= '2025-12-31' && r.last_evaluation! <= '2025-12-31').toBe(true);
		expect(r.outside).toBe(0);
	});

	it('dates each evaluation on the matching step of the labellisation history', async () => {
		const { unmatched } = await one<{ unmatched: number }>(`SELECT count(*) AS unmatched FROM
			(SELECT DISTINCT ml_id, phase, date FROM evaluations) e
			WHERE NOT EXISTS (SELECT 1 FROM labellisation l WHERE l.ml_id = e.ml_id AND l.date = e.date
				AND (l.etape = e.phase OR (e.phase = 'audit' AND l.etape = 'audit-suivi')))`);
		expect(unmatched).toBe(0);
	});
});

describe('the network', () => {
	it('has 437 MLs in 15 ARML, every département with at least one', async () => {
		const r = await one(`SELECT
			(SELECT count(*) FROM missions_locales) AS mls,
			(SELECT count(DISTINCT arml_code) FROM ml_arml) AS arml,
			(SELECT count(*) FROM arml) AS arml_reference,
			(SELECT count(*) FROM departements WHERE departement_code NOT IN (SELECT departement_code FROM missions_locales)) AS empty`);
		expect(r).toEqual({ mls: 437, arml: 15, arml_reference: 15, empty: 0 });
	});

	it('shares MLs by population: 17 in the Nord, 13 in Paris, one in each of 18 départements', async () => {
		const rows = await all<{ departement_code: string; n: number }>(
			`SELECT departement_code, count(*)::INTEGER AS n FROM missions_locales GROUP BY 1`
		);
		const count = new Map(rows.map((r) => [r.departement_code, r.n]));
		expect([count.get('59'), count.get('75'), count.get('13'), count.get('978')]).toEqual([17, 13, 13, 1]);
		expect(rows.filter((r) => r.n === 1)).toHaveLength(18);
	});

	it('gives Île-de-France 79 MLs, Corse 2, Antilles-Guyane 7 and Océan Indien 8', async () => {
		const rows = await all<{ arml_code: string; n: number }>(
			'SELECT arml_code, count(*)::INTEGER AS n FROM ml_arml GROUP BY 1'
		);
		const count = Object.fromEntries(rows.map((r) => [r.arml_code, r.n]));
		expect(count).toMatchObject({ 'ile-de-france': 79, corse: 2, 'antilles-guyane': 7, 'ocean-indien': 8 });
	});

	it('has 62 GIP (14 %), 3,273 sites and 13,793 ETP (median 27.5)', async () => {
		const r = await one(`SELECT count(*) FILTER (WHERE statut = 'gip') AS gip, sum(sites)::INTEGER AS sites,
			sum(effectif_etp) AS etp, median(effectif_etp) AS median FROM missions_locales`);
		expect(r).toEqual({ gip: 62, sites: 3273, etp: 13793, median: 27.5 });
	});

	it('names MLs after distinct communes of their département', async () => {
		const r = await one(`SELECT count(*) AS mls, count(DISTINCT (departement_code, commune)) AS communes,
			count(*) FILTER (WHERE nom NOT LIKE 'Mission Locale %') AS badly_named FROM missions_locales`);
		expect(r).toEqual({ mls: 437, communes: 437, badly_named: 0 });
		const brest = await one(`SELECT ml_id, nom FROM missions_locales WHERE commune = 'Brest'`);
		expect(brest).toEqual({ ml_id: 'ML-29-01', nom: 'Mission Locale de Brest' });
	});
});

describe('key figures', () => {
	it('add up exactly to the 2022 national totals', async () => {
		const r = await one(
			`SELECT ${KEY_FIGURES.map((f) => `sum(${ident(f)})::INTEGER AS ${ident(f)}`).join(', ')} FROM chiffres_cles WHERE annee = 2022`
		);
		expect(r).toEqual({
			jeunes_accompagnes: 1_100_000,
			premiers_accueils: 400_000,
			pacea: 252_000,
			cej: 200_000,
			emploi: 312_000,
			formation: 127_000,
			alternance: 54_000,
			retour_formation_initiale: 23_000,
			service_civique: 17_000
		});
	});

	it('add up to the national totals of every year, with no CEJ in 2021', async () => {
		for (const [y, annee] of YEARS.entries()) {
			const r = await db.query<Row>(
				sql`SELECT ${raw(KEY_FIGURES.map((f) => `sum(${ident(f)})::INTEGER AS ${ident(f)}`).join(', '))}
					FROM chiffres_cles WHERE annee = ${annee}`
			);
			expect(r[0], String(annee)).toEqual(
				Object.fromEntries(KEY_FIGURES.map((f) => [f, NATIONAL_TOTALS[f][y]]))
			);
		}
		const { cej2021 } = await one<{ cej2021: number }>(
			'SELECT count(cej) AS cej2021 FROM chiffres_cles WHERE annee = 2021'
		);
		expect(cej2021).toBe(0);
	});

	it('has one row per ML and year, never more first welcomes than young people followed', async () => {
		const r =
			await one(`SELECT count(*) AS n, count(*) FILTER (WHERE premiers_accueils > jeunes_accompagnes) AS bad,
			min(annee) AS first, max(annee) AS last FROM chiffres_cles`);
		expect(r).toEqual({ n: 437 * 5, bad: 0, first: 2021, last: 2025 });
	});
});

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

describe('evaluations', () => {
	it('has 1,265 evaluations: 637 self-assessments and 628 audits', async () => {
		const r = await all<{ phase: string; n: number }>(`SELECT phase, count(*)::INTEGER AS n
			FROM (SELECT DISTINCT ml_id, campagne, phase FROM evaluations) GROUP BY 1 ORDER BY 1`);
		expect(r).toEqual([
			{ phase: 'audit', n: 628 },
			{ phase: 'auto-evaluation', n: 637 }
		]);
	});

	it('has 177, 235 and 225 self-assessments and 12, 235 and 381 audits in 2023, 2024 and 2025', async () => {
		const rows = await all<{ campagne: number; self: number; audit: number }>(`SELECT campagne,
			count(*) FILTER (WHERE phase = 'auto-evaluation')::INTEGER AS self,
			count(*) FILTER (WHERE phase = 'audit')::INTEGER AS audit
			FROM (SELECT DISTINCT ml_id, campagne, phase FROM evaluations) GROUP BY 1 ORDER BY 1`);
		expect(rows).toEqual([
			{ campagne: 2023, self: 177, audit: 12 },
			{ campagne: 2024, self: 235, audit: 235 },
			{ campagne: 2025, self: 225, audit: 381 }
		]);
	});

	it('scores all 24 criteria in every evaluation', async () => {
		const { incomplete, evaluations } = await one<{ incomplete: number; evaluations: number }>(`SELECT
			count(*) FILTER (WHERE n <> 24) AS incomplete, count(*) AS evaluations
			FROM (SELECT ml_id, campagne, phase, count(score) AS n FROM scores GROUP BY ALL)`);
		expect(loadCriteria()).toHaveLength(24);
		expect({ incomplete, evaluations }).toEqual({ incomplete: 0, evaluations: 1265 });
	});

	it('mixes levels of detail: 833 by elements, 306 by criteria, 126 both', async () => {
		const rows = await all<{ detail: string; n: number }>(`SELECT
			CASE WHEN c = 0 THEN 'elements' WHEN e = 0 THEN 'criteria' ELSE 'both' END AS detail, count(*)::INTEGER AS n
			FROM (SELECT ml_id, campagne, phase, count(*) FILTER (WHERE element_id IS NULL) AS c,
				count(*) FILTER (WHERE element_id IS NOT NULL) AS e FROM evaluations GROUP BY ALL)
			GROUP BY 1 ORDER BY 1`);
		expect(rows).toEqual([
			{ detail: 'both', n: 126 },
			{ detail: 'criteria', n: 306 },
			{ detail: 'elements', n: 833 }
		]);
		const { empty } = await one<{ empty: number }>(
			'SELECT round(100 * count(*) FILTER (WHERE niveau IS NULL) / count(*), 1) AS empty FROM evaluations WHERE element_id IS NOT NULL'
		);
		expect(empty).toBeCloseTo(2.4, 1);
	});
});

/** Mean audit score per criterion, all campaigns. */
const auditByCriterion = () =>
	all<{ critere_id: string; score: number; atteint: number }>(`SELECT critere_id, avg(score) AS score,
		avg((score >= 3)::INTEGER) AS atteint FROM scores WHERE phase = 'audit' GROUP BY 1 ORDER BY score`);

describe('the structure built into the scores', () => {
	it('makes 3.3, 4.4.2, 3.4 and 5.4 the weakest criteria at audit', async () => {
		const rows = await auditByCriterion();
		expect(rows.slice(0, 4).map((r) => r.critere_id)).toEqual(['3.3', '4.4.2', '3.4', '5.4']);
		[1.76, 2.15, 2.33, 2.37].forEach((score, i) => expectNear(rows[i].score, score, rows[i].critere_id));
		expect(rows[4].score).toBeGreaterThanOrEqual(2.75);
		expect(rows[4].critere_id).toBe('4.2.2');
		expectNear(rows[4].score, 2.8, '4.2.2');
		expect(Math.max(...rows.slice(0, 4).map((r) => r.atteint))).toBeLessThan(0.3);
		expectNear(rows[0].atteint, 0.03, '3.3 atteint');
		expect(Math.min(...rows.slice(4).map((r) => r.atteint))).toBeGreaterThan(0.5);
	});

	it('makes 3.3.b and 4.4.2.b the weakest elements', async () => {
		const rows = await all<{ element_id: string; level: number }>(`SELECT element_id, avg(niveau) AS level
			FROM evaluations WHERE element_id IS NOT NULL GROUP BY 1 ORDER BY level LIMIT 3`);
		expect(rows.slice(0, 2).map((r) => r.element_id)).toEqual(['3.3.b', '4.4.2.b']);
		expectNear(rows[0].level, 1.54, '3.3.b');
		expectNear(rows[1].level, 1.83, '4.4.2.b');
		expect(rows[2].level).toBeGreaterThanOrEqual(1.95);
	});

	it('puts Bretagne and Pays de la Loire ahead, Grand Est and Antilles-Guyane behind', async () => {
		const { national } = await one<{ national: number }>(
			`SELECT avg(score) AS national FROM scores WHERE phase = 'audit'`
		);
		expectNear(national, 2.81, 'national');
		const rows = await all<{
			arml_code: string;
			gap: number;
		}>(`SELECT arml_code, avg(score) - ${national} AS gap
			FROM scores JOIN ml_arml USING (ml_id) WHERE phase = 'audit' GROUP BY 1 ORDER BY gap DESC`);
		expect(rows.map((r) => r.arml_code).slice(0, 2)).toEqual(['bretagne', 'pays-de-la-loire']);
		expect(rows.map((r) => r.arml_code).slice(-2)).toEqual(['grand-est', 'antilles-guyane']);
		[0.33, 0.31, -0.31, -0.46].forEach((gap, i) => {
			const r = rows.at(i < 2 ? i : i - 4)!;
			expectNear(r.gap, gap, r.arml_code);
		});
		for (const r of rows.slice(2, -2)) expect(Math.abs(r.gap), r.arml_code).toBeLessThan(0.15);
		expect(rows[2].arml_code).toBe('hauts-de-france');
		expect(rows.at(-3)!.arml_code).toBe('ocean-indien');
		expectNear(rows[2].gap, 0.07, 'hauts-de-france');
		expectNear(rows.at(-3)!.gap, -0.11, 'ocean-indien');
		const scores = [3.13, 3.12, 2.49, 2.35];
		[0, 1, -2, -1].forEach((i, k) =>
			expectNear(rows.at(i)!.gap + national, scores[k], rows.at(i)!.arml_code)
		);
	});

	it('scores self-assessments 0.3 above audits, most on 2.2 and 4.3.3', async () => {
		const r = await one<{
			self: number;
			audit: number;
		}>(`SELECT avg(score) FILTER (WHERE phase = 'auto-evaluation') AS self,
			avg(score) FILTER (WHERE phase = 'audit') AS audit FROM scores`);
		expectNear(r.self, 3.12, 'self');
		expectNear(r.audit, 2.81, 'audit');
		expectNear(r.self - r.audit, 0.31, 'all campaigns');
		const byCampaign = await all<{ gap: number }>(`SELECT avg(score) FILTER (WHERE phase = 'auto-evaluation')
			- avg(score) FILTER (WHERE phase = 'audit') AS gap FROM scores GROUP BY campagne ORDER BY campagne`);
		[0.4, 0.4, 0.38].forEach((gap, i) => expectNear(byCampaign[i].gap, gap, String(2023 + i)));
		const rows = await all<{ critere_id: string; gap: number }>(`SELECT critere_id,
			avg(score) FILTER (WHERE phase = 'auto-evaluation') - avg(score) FILTER (WHERE phase = 'audit') AS gap
			FROM scores GROUP BY 1 ORDER BY gap DESC`);
		expect(rows.slice(0, 2).map((r) => r.critere_id)).toEqual(['4.3.3', '2.2']);
		expectNear(rows[0].gap, 0.67, '4.3.3');
		expectNear(rows[1].gap, 0.65, '2.2');
		expect(Math.min(rows[0].gap, rows[1].gap)).toBeGreaterThanOrEqual(0.6);
		expect(rows[2].gap).toBeLessThan(0.45);
	});

	it('shows progress from 2023 to 2025 on every criterion but 3.3 and 4.1.2, which stall', async () => {
		const national = await all<{ phase: string; campagne: number; score: number }>(`SELECT phase, campagne,
			avg(score) AS score FROM scores GROUP BY ALL ORDER BY phase, campagne`);
		[2.55, 2.71, 2.87, 2.95, 3.12, 3.26].forEach((score, i) =>
			expectNear(national[i].score, score, `${national[i].phase} ${national[i].campagne}`)
		);
		const rows = await all<{
			critere_id: string;
			s23: number;
			s24: number;
			s25: number;
			a24: number;
			a25: number;
		}>(
			`SELECT critere_id,
				avg(score) FILTER (WHERE phase = 'auto-evaluation' AND campagne = 2023) AS s23,
				avg(score) FILTER (WHERE phase = 'auto-evaluation' AND campagne = 2024) AS s24,
				avg(score) FILTER (WHERE phase = 'auto-evaluation' AND campagne = 2025) AS s25,
				avg(score) FILTER (WHERE phase = 'audit' AND campagne = 2024) AS a24,
				avg(score) FILTER (WHERE phase = 'audit' AND campagne = 2025) AS a25
			FROM scores GROUP BY 1 ORDER BY 1`
		);
		const stalled = rows.filter((r) => ['3.3', '4.1.2'].includes(r.critere_id));
		const others = rows.filter((r) => !['3.3', '4.1.2'].includes(r.critere_id));
		expect(others).toHaveLength(22);
		for (const r of others) {
			expect(r.s23 < r.s24 && r.s24 < r.s25 && r.a24 < r.a25, r.critere_id).toBe(true);
			expect(r.s25 - r.s23, r.critere_id).toBeGreaterThan(0.2);
		}
		const documented: Record<string, number[]> = {
			'3.3': [2.12, 2.16, 2.09, 1.79, 1.74],
			'4.1.2': [3.24, 3.17, 3.19, 2.84, 2.82]
		};
		for (const r of stalled) {
			[r.s23, r.s24, r.s25, r.a24, r.a25].forEach((x, i) =>
				expectNear(x, documented[r.critere_id][i], r.critere_id)
			);
		}
		for (const r of stalled) {
			expect(Math.abs(r.s25 - r.s23), r.critere_id).toBeLessThan(0.1);
			expect(Math.abs(r.a25 - r.a24), r.critere_id).toBeLessThan(0.1);
		}
	});

	it('scores audits followed by a postponement lower (2.31 against 2.81)', async () => {
		const rows = await all<{ postponed: boolean; score: number }>(`WITH before AS (
				SELECT p.ml_id, max(a.date) AS date FROM labellisation p
				JOIN labellisation a ON a.ml_id = p.ml_id AND a.etape = 'audit' AND a.date < p.date
				WHERE p.etape = 'ajournement' GROUP BY 1)
			SELECT (b.ml_id IS NOT NULL) AS postponed, avg(s.score) AS score
			FROM scores s JOIN (SELECT DISTINCT ml_id, campagne, phase, date FROM evaluations) e USING (ml_id, campagne, phase)
			LEFT JOIN before b ON b.ml_id = e.ml_id AND b.date = e.date
			WHERE s.phase = 'audit' GROUP BY 1 ORDER BY 1`);
		expect(rows.map((r) => r.postponed)).toEqual([false, true]);
		expectNear(rows[0].score, 2.81, 'other audits');
		expectNear(rows[1].score, 2.31, 'audits before a postponement', 0.05);
	});
});

describe('the reference tables', () => {
	it('list 19 regions, 102 départements and 15 ARML, Saint-Martin in Antilles-Guyane', async () => {
		const r =
			await one(`SELECT (SELECT count(*) FROM regions) AS regions, (SELECT count(*) FROM departements) AS departements,
			(SELECT arml_code FROM departements WHERE departement_code = '978') AS saint_martin,
			(SELECT nom FROM arml WHERE arml_code = 'ile-de-france') AS idf`);
		expect(r).toEqual({
			regions: 19,
			departements: 102,
			saint_martin: 'antilles-guyane',
			idf: 'ARML Île-de-France'
		});
		const files = readdirSync(join(dirA, 'reference')).sort();
		expect(files).toEqual([
			'arml.csv',
			'arml.parquet',
			'departements.csv',
			'departements.parquet',
			'regions.csv',
			'regions.parquet'
		]);
	});
});
