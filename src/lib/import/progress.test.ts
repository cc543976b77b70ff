import { describe, expect, it } from 'vitest';
import { createReferenceTables, fixture } from '../../../tests/fixtures/references';
import { validateFiles } from '../data';
import { openNodeDatabase } from '../db/node';
import { ImportDatabase } from './importDatabase';
import { ValidationProgress, type ImportProgress } from './progress';

describe('ValidationProgress', () => {
	it('follows a validation file by file, loading then checking, up to every row', async () => {
		const node = await openNodeDatabase();
		try {
			await createReferenceTables(node);
			const seen: ImportProgress[] = [];
			const files = [
				{ name: 'missions_locales.csv', rows: 3 },
				{ name: 'evaluations.csv', rows: 4 }
			];
			const progress = new ValidationProgress(files, (p) => seen.push(p));
			const db = new ImportDatabase(node, { onStatement: (sql) => progress.statement(sql) });
			await validateFiles(
				db,
				files.map((f) => fixture(f.name))
			);
			progress.finish();
			expect(seen.map((p) => [p.stage, p.file, p.done])).toEqual([
				['load', 'missions_locales.csv', 0],
				['load', 'evaluations.csv', 3],
				['check', 'missions_locales.csv', 7],
				['check', 'evaluations.csv', 10],
				['check', 'evaluations.csv', 14]
			]);
			expect(seen.every((p) => p.total === 14)).toBe(true);
		} finally {
			await node.close();
		}
	});
});
