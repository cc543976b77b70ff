import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '$lib/db/node';
import type { Database } from '$lib/db/types';
import { KEY_FIGURES } from '$lib/model/domain';
import { isMasked } from '$lib/model/smallGroups';
import type { KeyFigureTotals } from '$lib/model/rows';
import { buildDatabase } from '$lib/server/buildDb';
import { demoCube } from '$lib/server/cube';
import { keyFiguresSpec } from './homeSpecs';
import { keyFigureCards } from './keyFigureCards';

/**
 * Issue 14.7: the ARML page shows any year of the data, 2022 included, with the change from the year
 * before. Its figures are recomputed here by SQL on real DuckDB straight from the demo's CSV files
 * (not the Parquet copies the app loads, nor its query), and compared with what the page shows.
 */
let csv: Database;
beforeAll(async () => {
	csv = await openNodeDatabase();
	await csv.exec(`CREATE TABLE figures AS SELECT * FROM read_csv('data/chiffres_cles.csv', header = true)`);
	await csv.exec(
		`CREATE TABLE mls AS SELECT * FROM read_csv('data/missions_locales.csv', header = true, types = {'departement_code': 'VARCHAR'})`
	);
	await csv.exec(
		`CREATE TABLE deps AS SELECT * FROM read_csv('data/reference/departements.csv', header = true, all_varchar = true)`
	);
}, 60_000);
afterAll(() => csv.close());

type Expected = { arml: string; mls: number; value: Record<string, number>; before: Record<string, number> };

/** Each ARML's totals in `year` and the year before, by SQL on the CSV files. */
async function expected(year: number): Promise<Expected[]> {
	const sums = KEY_FIGURES.map(
		(k) =>
			`sum(${k}) FILTER (WHERE annee = ${year})::DOUBLE AS "v_${k}", sum(${k}) FILTER (WHERE annee = ${year - 1})::DOUBLE AS "b_${k}"`
	);
	const rows = await csv.query<Record<string, number | string>>({
		sql: `SELECT d.arml_code AS arml, count(DISTINCT f.ml_id) FILTER (WHERE annee = ${year})::INTEGER AS mls, ${sums.join(', ')}
			FROM figures f JOIN mls USING (ml_id) JOIN deps d ON d.departement_code = mls.departement_code
			GROUP BY d.arml_code ORDER BY d.arml_code`,
		params: []
	});
	return rows.map((r) => ({
		arml: String(r.arml),
		mls: Number(r.mls),
		value: Object.fromEntries(KEY_FIGURES.map((k) => [k, r[`v_${k}`] as number])),
		before: Object.fromEntries(KEY_FIGURES.map((k) => [k, r[`b_${k}`] as number]))
	}));
}

describe('the ARML page’s key figures for 2022', () => {
	it('are each ARML’s totals of 2022 from the demo CSVs, with their change from 2021', async () => {
		const db = await buildDatabase();
		const cube = await demoCube();
		const armls = await expected(2022);
		expect(armls.length).toBeGreaterThan(10);
		for (const a of armls) {
			const spec = keyFiguresSpec(2022, a.arml);
			// The page reads the prerendered cube first, then DuckDB: both must show the same.
			for (const rows of [spec.cube!(cube), await db.query<KeyFigureTotals>(spec.query)]) {
				const shown = keyFigureCards(rows);
				expect([a.arml, shown.current?.annee, shown.previous?.annee, shown.current?.mls]).toEqual([
					a.arml,
					2022,
					2021,
					a.mls
				]);
				expect(shown.masked).toBe(isMasked(a.mls));
				for (const card of shown.cards) {
					const value = shown.masked ? null : a.value[card.key];
					const before = shown.masked ? null : a.before[card.key];
					const change = value !== null && before ? (value - before) / before : null;
					expect([a.arml, card.key, card.value, card.before]).toEqual([a.arml, card.key, value, before]);
					if (change === null) expect(card.change).toBeNull();
					else expect(card.change).toBeCloseTo(change, 12);
				}
			}
		}
	}, 120_000);

	it('compare with nothing when the year before is missing from the data', async () => {
		const cube = await demoCube();
		const shown = keyFigureCards(keyFiguresSpec(2021, 'bretagne').cube!(cube));
		expect(shown.current?.annee).toBe(2021);
		expect(shown.previous).toBeNull();
		expect(shown.cards.every((c) => c.change === null && c.before === null)).toBe(true);
	});
});
