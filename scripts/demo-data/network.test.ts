/** The demo network (docs/demo-data.md): MLs, ARML, sites and staff, and their key figures. */
import { describe, expect, it } from 'vitest';
import { KEY_FIGURES } from '../../src/lib/data/contract.ts';
import { ident, raw, sql } from '../../src/lib/db/sql.ts';
import type { Row } from '../../src/lib/db/types.ts';
import { NATIONAL_TOTALS, YEARS } from '../demo/keyFigures.ts';
import { SITES_TOTAL, STAFF_TOTAL } from '../demo/network.ts';
import { useDemo } from './database.ts';

const { all, one, current } = useDemo();

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

	it('has 62 GIP (14 %), 6,800 sites and 15,000 ETP (median 30): the référentiel’s 2022 network', async () => {
		const r = await one<{ gip: number; sites: number; etp: number; median: number }>(`SELECT
			count(*) FILTER (WHERE statut = 'gip') AS gip, sum(sites)::INTEGER AS sites,
			sum(effectif_etp) AS etp, median(effectif_etp) AS median FROM missions_locales`);
		expect(r).toEqual({ gip: 62, sites: 6800, etp: 15000, median: 30 });
		// « plus de 6 800 sites » and « 15 000 professionnels » (référentiel 2022), within 1 %.
		expect(Math.abs(r.sites / SITES_TOTAL - 1)).toBeLessThanOrEqual(0.01);
		expect(Math.abs(r.etp / STAFF_TOTAL - 1)).toBeLessThanOrEqual(0.01);
		expect([SITES_TOTAL, STAFF_TOTAL]).toEqual([6_800, 15_000]);
	});

	it('gives every ML at least 2 sites and 3 ETP, its sites growing with its staff', async () => {
		const r = await one<{ sites: number; etp: number; corr: number }>(`SELECT min(sites) AS sites,
			min(effectif_etp) AS etp, corr(sites, effectif_etp) AS corr FROM missions_locales`);
		expect(r.sites).toBeGreaterThanOrEqual(2);
		expect(r.etp).toBeGreaterThanOrEqual(3);
		expect(r.corr).toBeGreaterThan(0.7);
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
			const r = await current().db.query<Row>(
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
