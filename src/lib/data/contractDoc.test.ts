import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLES } from './contract';
import { RULE_CODES, RULES } from './rules';

const doc = readFileSync(new URL('../../../docs/data-contract.md', import.meta.url), 'utf8');

/** The rows of the Markdown table under the heading that names `table`, as cells. */
function columnRows(table: string): string[][] {
	const section = doc.split(/^##+ /m).find((s) => s.startsWith(`\`${table}\``)) ?? '';
	return section
		.split('\n')
		.filter((line) => line.startsWith('| `'))
		.map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

describe('docs/data-contract.md', () => {
	it.each(TABLES.map((t) => [t.name, t] as const))('documents every column of %s as the contract says', (_, table) => {
		const rows = columnRows(table.name);
		expect(rows.map((r) => r[0])).toEqual(table.columns.map((c) => `\`${c.name}\``));
		for (const [i, column] of table.columns.entries()) {
			expect(rows[i][1], column.name).toBe(column.required ? 'oui' : 'non');
			expect(rows[i][4], column.name).toBe(`\`${column.example}\``);
			for (const value of column.values ?? []) expect(rows[i][3], column.name).toContain(`\`${value}\``);
		}
	});

	it('lists every rule code with its severity', () => {
		const rows = doc.split('\n').filter((line) => /^\| `[a-z-]+` +\| (erreur|avertissement) +\|/.test(line));
		const listed = rows.map((line) => line.split('|').map((c) => c.trim()));
		expect(listed.map((r) => r[1])).toEqual(RULE_CODES.map((r) => `\`${r}\``));
		for (const r of listed) {
			const code = r[1].replaceAll('`', '') as keyof typeof RULES;
			expect(r[2], code).toBe(RULES[code].severity === 'error' ? 'erreur' : 'avertissement');
		}
	});
});
