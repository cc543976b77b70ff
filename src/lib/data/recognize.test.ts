import { describe, expect, it } from 'vitest';
import { recognizeTable } from './recognize';

describe('recognizeTable', () => {
	it('recognises a table by its columns, whatever their spelling', () => {
		const r = recognizeTable(['ML_ID', 'Nom', 'Département_code', 'Remarque'], 'export.csv');
		expect(r.table?.name).toBe('missions_locales');
		expect(r.mapped.map((m) => [m.spec.name, m.header, m.index])).toEqual([
			['ml_id', 'ML_ID', 0],
			['nom', 'Nom', 1],
			['departement_code', 'Département_code', 2]
		]);
		expect(r.extras).toEqual([{ index: 3, header: 'Remarque' }]);
		expect(r.missing.map((c) => c.name)).toEqual(['commune', 'statut', 'sites', 'effectif_etp']);
	});

	it('prefers the table with more matching columns', () => {
		expect(recognizeTable(['ml_id', 'etape', 'date'], 'x.csv').table?.name).toBe('labellisation');
		expect(recognizeTable(['ml_id', 'campagne', 'critere_id', 'date'], 'x.csv').table?.name).toBe('evaluations');
	});

	it('breaks a tie with the file name, and reports the tie otherwise', () => {
		expect(recognizeTable(['ml_id', 'date'], 'labellisation-2024.csv').table?.name).toBe('labellisation');
		const tie = recognizeTable(['ml_id', 'date'], 'export.csv');
		expect(tie.table).toBeNull();
		expect(tie.ambiguous).toEqual(['evaluations', 'labellisation']);
	});

	it('recognises nothing from columns no table has', () => {
		// Nor does it list a table's columns as missing from a file that is none of them.
		expect(recognizeTable(['foo', 'bar'], 'x.csv')).toEqual({
			table: null,
			ambiguous: [],
			mapped: [],
			missing: [],
			extras: [],
			repeated: []
		});
	});

	it('reports a column given twice', () => {
		const r = recognizeTable(['ml_id', 'nom', 'departement_code', 'NOM'], 'x.csv');
		expect(r.repeated).toEqual([{ index: 3, header: 'NOM', first: 'nom' }]);
	});

	it('never recognises a table by ml_id alone, which every table has', () => {
		expect(recognizeTable(['ml_id'], 'x.csv')).toMatchObject({ table: null, ambiguous: [] });
		expect(recognizeTable(['ml_id', 'foo'], 'missions_locales.csv').table?.name).toBe('missions_locales');
	});

	it('takes the table the user chose over the guess, listing what it lacks', () => {
		const r = recognizeTable(['ml_id', 'etape', 'date', 'foo'], 'x.csv', 'evaluations');
		expect(r.table?.name).toBe('evaluations');
		expect(r.extras).toEqual([
			{ index: 1, header: 'etape' },
			{ index: 3, header: 'foo' }
		]);
		expect(r.missing.map((c) => c.name)).not.toContain('date');
	});

	it('ignores the columns a rejected-rows file adds (ligne, motif), read back once corrected', () => {
		const r = recognizeTable(['ligne', 'motif', 'ml_id', 'etape', 'date'], 'rejets.csv');
		expect(r.table?.name).toBe('labellisation');
		expect(r.extras).toEqual([]);
		expect(r.mapped.map((m) => m.index)).toEqual([2, 3, 4]);
	});
});

