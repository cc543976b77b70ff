import { describe, expect, it } from 'vitest';
import { createReferenceTables, fixture } from '../../../tests/fixtures/references';
import { commitTables, validateFiles } from '../data';
import { openNodeDatabase } from '../db/node';
import { exportSelect, tableCsv } from './exports';

describe('exporting a table', () => {
	it('writes CSV a spreadsheet reads back: `;`, decimal commas, ISO dates, formulas neutralised', async () => {
		const db = await openNodeDatabase();
		try {
			await createReferenceTables(db);
			await commitTables(
				db,
				await validateFiles(db, [fixture('missions_locales.csv'), fixture('evaluations.csv')])
			);
			await db.exec(`UPDATE missions_locales SET commune = '=HYPERLINK("x")' WHERE ml_id = 'ML-75-01'`);
			const ml = (await tableCsv(db, 'missions_locales')) as string;
			expect(ml.split('\r\n')).toEqual([
				'\ufeffml_id;nom;departement_code;commune;statut;sites;effectif_etp',
				'ML-01-01;Mission Locale de Bourg-en-Bresse;01;Bourg-en-Bresse;association;11;43,5',
				`ML-75-01;"Mission Locale de Paris; siège";75;"'=HYPERLINK(""x"")";gip;20;120`,
				'ML-971-01;Mission Locale de Pointe-à-Pitre;971;Pointe-à-Pitre;association;4;32,5'
			]);
			const ev = (await tableCsv(db, 'evaluations')) as string;
			expect(ev.split('\r\n')[1]).toBe('ML-01-01;2024;auto-evaluation;1.1;;3;2024-03-15');
		} finally {
			await db.close();
		}
	});

	it('selects the contract’s columns only, in order', () => {
		expect(exportSelect('labellisation')).toBe(
			'SELECT "ml_id", "etape", CAST("date" AS VARCHAR) AS "date", "commentaire" FROM "labellisation"'
		);
	});
});
