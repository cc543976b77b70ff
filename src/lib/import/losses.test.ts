import { describe, expect, it } from 'vitest';
import { unreadableFile, type FileReport } from '../data';
import type { TableName } from '../data/contract';
import { planImport } from './losses';
import { MemoryStore, type StoredDataset } from './store';

const file = (name: string, table: TableName, rows: number, errors = 0, replaced = 0): FileReport => ({
	...unreadableFile(name, ''),
	readable: true,
	format: 'csv',
	table,
	rows,
	counts: {},
	errors,
	issues: [],
	errorLines: Array.from({ length: errors }, (_, i) => i + 2),
	committable: true,
	replacedRows: replaced
});
const imported = { missions_locales: 5, evaluations: 720, labellisation: 20, chiffres_cles: 25 };
const batch = (mode: 'new' | 'merge', files: FileReport[], existing: [string, TableName][] = []) => ({
	mode,
	shown: { files },
	existing: new Map(existing)
});

describe('what an import would lose, said before it is done', () => {
	it('names every table a new dataset would empty or shrink', () => {
		const plan = planImport(batch('new', [file('ml.csv', 'missions_locales', 5)]), true, imported);
		expect(plan.losses).toEqual([
			{ table: 'evaluations', before: 720, after: 0 },
			{ table: 'labellisation', before: 20, after: 0 },
			{ table: 'chiffres_cles', before: 25, after: 0 }
		]);
		expect(plan.risky).toBe(true);
		expect(plan.incoming).toBe(5);
	});

	it('counts the rows left out for errors, and those replaced later in the batch, as lost', () => {
		const files = [
			file('ml.csv', 'missions_locales', 5),
			file('ev.csv', 'evaluations', 720, 720),
			file('lab.csv', 'labellisation', 20, 0, 1),
			file('cc.csv', 'chiffres_cles', 25)
		];
		const plan = planImport(batch('new', files), true, imported);
		expect(plan.after).toMatchObject({ missions_locales: 5, evaluations: 0, labellisation: 19 });
		expect(plan.losses.map((l) => l.table)).toEqual(['evaluations', 'labellisation']);
	});

	it('has nothing to import when every row of every file is refused', () => {
		const plan = planImport(batch('new', [file('ev.csv', 'evaluations', 3, 3)]), true, null);
		expect(plan.incoming).toBe(0);
	});

	it('makes a refused file risky even over the demo, whose own rows are never counted as lost', () => {
		const refused = unreadableFile('tronque.parquet', 'fichier Parquet tronqué');
		const plan = planImport(batch('new', [file('ml.csv', 'missions_locales', 4), refused]), true, null);
		expect(plan.losses).toEqual([]);
		expect(plan.refused).toEqual(['tronque.parquet']);
		expect(plan.risky).toBe(true);
	});

	it('lets a merge keep the tables its batch does not hold, and the rows already imported', () => {
		const files = [
			file('données déjà importées · evaluations', 'evaluations', 720, 0, 1),
			file('correctif.csv', 'evaluations', 1)
		];
		const plan = planImport(
			batch('merge', files, [['données déjà importées · evaluations', 'evaluations']]),
			true,
			imported
		);
		expect(plan.after).toEqual({ ...imported, evaluations: 720, actions: 0, constats: 0 });
		expect(plan.risky).toBe(false);
		expect(plan.incoming).toBe(1);
	});

	it('is safe when the new dataset holds at least as many rows in every table', () => {
		const files = (Object.entries(imported) as [TableName, number][]).map(([t, n]) => file(`${t}.csv`, t, n));
		expect(planImport(batch('new', files), true, imported).risky).toBe(false);
	});
});

describe('the previous dataset, kept for « Annuler la dernière importation »', () => {
	const stored = (n: number): StoredDataset => ({
		manifest: {
			createdAt: `${n}`,
			updatedAt: `${n}`,
			files: [],
			tables: { ...imported, actions: 0, constats: 0 }
		},
		tables: {}
	});

	it('brings back the dataset an import replaced, once', async () => {
		const store = new MemoryStore();
		await store.save(stored(1), true);
		await store.save(stored(2), false);
		expect(await store.hasPrevious()).toBe(true);
		expect(await store.undo()).toEqual(stored(1));
		expect(await store.load()).toEqual(stored(1));
		expect(await store.hasPrevious()).toBe(false);
		expect(await store.undo()).toBeNull();
	});

	it('brings back the demo when the import replaced it, and keeps no dataset then', async () => {
		const store = new MemoryStore();
		await store.save(stored(1), true);
		expect(await store.undo()).toBe('demo');
		expect(await store.load()).toBeNull();
	});
});

describe('a tab showing an older dataset', () => {
	const stored = (stamp: string): StoredDataset => ({
		manifest: {
			createdAt: stamp,
			updatedAt: stamp,
			files: [],
			tables: imported as StoredDataset['manifest']['tables']
		},
		tables: {}
	});

	it('cannot overwrite the dataset another tab kept since, and says so', async () => {
		const store = new MemoryStore();
		await store.save(stored('A'), true, null);
		// Tab 2 imports B over A; tab 1 still shows A, then imports C over « A ».
		await store.save(stored('B'), false, 'A');
		await expect(store.save(stored('C'), false, 'A')).rejects.toThrow(/autre onglet/);
		expect(await store.stamp()).toBe('B');
	});
});
