import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES } from '../../../tests/fixtures/bad/corpus';
import { createReferenceTables } from '../../../tests/fixtures/references';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { validateFiles } from './validate';

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
	await createReferenceTables(db);
	// The corpus's rows cite the import fixtures' Missions Locales.
	await db.exec(`INSERT INTO missions_locales VALUES ('ML-IMP-01'), ('ML-IMP-02'), ('ML-IMP-03'), ('ML-IMP-04')`);
});
afterAll(() => db.close());

describe('the corpus of bad files (tests/fixtures/bad)', () => {
	it('holds at least 40 files', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(40);
	});

	// A mutation run (`npm run mutation`) leaves out the large generated files: seconds each, times
	// every mutant, and the small files take the same paths through the code.
	const cases = process.env.MUTATION_RUN ? CASES.filter((c) => !c.large) : CASES;
	it.each(cases.map((c) => [c.name, c] as const))('%s gets its rule, located, and a French diagnosis', async (_, c) => {
		const started = performance.now();
		const report = await validateFiles(db, [{ name: c.name, bytes: c.bytes() }]);
		// Bounded: every file gets its answer in seconds, whatever it holds.
		expect(performance.now() - started).toBeLessThan(20_000);
		const [file] = report.files;
		if (c.rule === null) {
			expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
			expect(file.rows).toBeGreaterThan(0);
			return;
		}
		const found = report.issues.find((i) => i.rule === c.rule && i.line === c.line);
		expect(found, JSON.stringify(report.issues.slice(0, 3), null, 1)).toBeDefined();
		// French numbers group digits with a narrow no-break space: the expectations write a space.
		if (c.says) expect(found!.message.replace(/[\u202f\u00a0]/g, ' ')).toMatch(c.says);
		// No engine English reaches the user.
		for (const issue of report.issues) expect(issue.message).not.toMatch(/Error|Exception|exceeded|Could not/);
	});
});

describe('every line accounted for', () => {
	it('reports an unclosed quote on its line, reads every later line, and keeps their numbers', async () => {
		const c = CASES.find((x) => x.name === 'guillemet-non-ferme.csv')!;
		const report = await validateFiles(db, [{ name: c.name, bytes: c.bytes() }]);
		const [file] = report.files;
		// 60 data lines: line 3 refused, the 59 others read.
		expect(file.rows).toBe(60);
		expect(file.errorLines).toEqual([3]);
		expect(report.issues.map((i) => [i.rule, i.line])).toEqual([['ligne-mal-formee', 3]]);
	});

	it('numbers the lines after a refused line as a text editor does', async () => {
		const text = [
			'ml_id,campagne,phase,critere_id,element_id,niveau,date',
			'ML-IMP-01,2025,audit,"1.1,,3,2025-06-30',
			'ML-IMP-02,2025,audit,1.1,,3,2025-06-30',
			'ML-IMP-03,2025,audit,1.1,,9,2025-06-30',
			''
		].join('\n');
		const report = await validateFiles(db, [{ name: 'evaluations.csv', bytes: new TextEncoder().encode(text) }]);
		expect(report.issues.map((i) => [i.rule, i.line])).toEqual([
			['ligne-mal-formee', 2],
			['hors-domaine', 4]
		]);
		expect(report.issues[0].message.replace(/\u202f/g, ' ')).toContain('guillemet ouvert ligne 2 et jamais fermé : lignes 2 à 4');
	});
});
