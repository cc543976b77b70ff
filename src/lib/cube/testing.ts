import { expect } from 'vitest';

type Row = Record<string, unknown>;

const DIGITS = 9;

function rounded(value: unknown): unknown {
	return typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(DIGITS)) : value;
}

function canonical(row: Row): string {
	return JSON.stringify(
		Object.keys(row)
			.sort()
			.map((k) => [k, rounded(row[k])])
	);
}

/**
 * Asserts that the cube's rows are the SQL's: the same rows (numbers to 1e-9) and, on the columns
 * the query orders by, the same order (rows tied on them may come in any order).
 */
export function expectSameRows(cube: readonly object[], sql: readonly object[], orderBy: readonly string[]) {
	const a = cube as Row[];
	const b = sql as Row[];
	expect(a.map(canonical).sort()).toEqual(b.map(canonical).sort());
	const order = (rows: Row[]) => rows.map((r) => JSON.stringify(orderBy.map((k) => rounded(r[k]))));
	expect(order(a)).toEqual(order(b));
}
