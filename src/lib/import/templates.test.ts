import { describe, expect, it } from 'vitest';
import { TABLES } from '../data/contract';
import { createReferenceTables } from '../../../tests/fixtures/references';
import { openNodeDatabase } from '../db/node';
import { validateFiles } from '../data';
import { emptyTemplate, exampleTemplate } from './templates';

const lines = (csv: string) =>
	csv
		.replace(/^\ufeff/, '')
		.replace(/\r\n$/, '')
		.split('\r\n');

describe('templates', () => {
	it.each(TABLES.map((t) => [t.name, t]))('give %s’s columns in the contract’s order', (_, table) => {
		const header = table.columns.map((c) => c.name).join(';');
		expect(lines(emptyTemplate(table.name).csv)).toEqual([header]);
		expect(lines(exampleTemplate(table.name).csv)).toEqual([
			header,
			table.columns.map((c) => c.example).join(';')
		]);
	});

	it('give examples the validator recognises and accepts', async () => {
		const db = await openNodeDatabase();
		try {
			await createReferenceTables(db);
			await db.exec(`INSERT INTO missions_locales VALUES ('ML-971-02')`);
			const files = TABLES.map((t) => {
				const { filename, csv } = exampleTemplate(t.name);
				return { name: filename, bytes: new TextEncoder().encode(csv) };
			});
			const report = await validateFiles(db, files);
			expect(report.files.map((f) => f.table)).toEqual(TABLES.map((t) => t.name));
			expect(report.errors).toBe(0);
		} finally {
			await db.close();
		}
	});
});
