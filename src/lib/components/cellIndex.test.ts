import { describe, expect, it } from 'vitest';
import { cellIndex } from './cellIndex';

describe('cellIndex', () => {
	const cells = [
		{ rowId: 'a', colId: '1', v: 1 },
		{ rowId: 'a', colId: '2', v: 2 },
		{ rowId: 'b', colId: '1', v: 3 },
		{ rowId: 'a', colId: '1', v: 4 }
	];
	const index = cellIndex(cells);

	it('finds each cell by its row and column', () => {
		expect(index.get('a')?.get('2')?.v).toBe(2);
		expect(index.get('b')?.get('1')?.v).toBe(3);
	});

	it('keeps the first cell of a pair, as a search in order would', () => {
		expect(index.get('a')?.get('1')?.v).toBe(1);
	});

	it('has nothing for a pair with no cell', () => {
		expect(index.get('b')?.get('2')).toBeUndefined();
		expect(index.get('c')).toBeUndefined();
	});
});
