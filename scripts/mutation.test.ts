import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { merge, SETS, scores } from './mutation';

const mutants = (...statuses: string[]) => statuses.map((status) => ({ status }));

describe('npm run mutation', () => {
	it('scores each file as killed and timed out over tested and uncovered, ignored and errors left out', () => {
		const rows = scores({
			files: {
				'src/b.ts': { mutants: mutants('Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored') },
				'src/a.ts': { mutants: mutants('Killed', 'CompileError') },
				'src/c.ts': { mutants: mutants('Ignored') }
			}
		});
		expect(rows.map((r) => [r.file, r.score])).toEqual([
			['src/a.ts', 100],
			['src/b.ts', 60],
			['src/c.ts', null],
			['total', (100 * 4) / 6]
		]);
		expect(rows[1]).toMatchObject({
			mutants: 6,
			killed: 2,
			timeout: 1,
			survived: 1,
			noCoverage: 1,
			ignored: 1
		});
	});

	it('mutates every module of src/lib/data, each once', () => {
		const data = readdirSync('src/lib/data')
			.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
			.map((f) => `src/lib/data/${f}`);
		const chunks = SETS.data.flatMap((c) => c.mutate);
		expect([...chunks].sort()).toEqual(data.sort());
	});

	it('runs each chunk against test files that exist, each set against its own', () => {
		for (const chunk of Object.values(SETS).flat()) {
			expect(chunk.tests.length, chunk.name).toBeGreaterThan(0);
			for (const t of chunk.tests) expect(existsSync(t), t).toBe(true);
		}
	});

	it('merges the chunks’ reports file by file', () => {
		const a = { files: { 'a.ts': { mutants: mutants('Killed') } } };
		const b = { files: { 'b.ts': { mutants: mutants('Survived') } } };
		expect(scores(merge([a, b])).map((r) => [r.file, r.score])).toEqual([
			['a.ts', 100],
			['b.ts', 0],
			['total', 50]
		]);
	});
});
