/** The demo against the data contract: column types, CSV twins, keys, domains, dates. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { PHASES, STATUTS, STEPS, TABLES, sqlType } from '../../src/lib/data/contract.ts';
import { ident, raw, sql } from '../../src/lib/db/sql.ts';
import { useDemo } from './database.ts';

const { all, one, current } = useDemo();

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
			const path = join(current().dir, `${t.name}.csv`);
			expect(readFileSync(path, 'utf8').split('\n', 1)[0]).toBe(t.columns.map((c) => c.name).join(','));
			const casts = t.columns.map((c) => `CAST(${ident(c.name)} AS ${sqlType(c.type)})`).join(', ');
			const [{ n }] = await current().db.query<{ n: number }>(
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
