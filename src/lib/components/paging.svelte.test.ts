import { describe, expect, it } from 'vitest';
import { Paging } from './paging.svelte';

/** Rows and key as a live query gives them, changeable from the test. */
function source(n: number, key: string | null = 'k1') {
	const data = $state({ rows: Array.from({ length: n }, (_, i) => i), key });
	return data;
}

describe('Paging', () => {
	it('shows the first page of a long list, then the next, then all, over the whole sorted set', () => {
		const data = source(130);
		const paging = new Paging(
			() => data.rows,
			() => data.key
		);
		expect(paging.rows).toEqual(data.rows.slice(0, 50));
		expect([paging.total, paging.next]).toEqual([130, 50]);
		paging.more();
		expect(paging.rows).toEqual(data.rows.slice(0, 100));
		expect(paging.next).toBe(30);
		paging.more();
		expect(paging.rows).toEqual(data.rows);
		expect(paging.next).toBe(0);
		// Every row stays available for counts and exports.
		expect(paging.all).toHaveLength(130);
	});

	it('shows all at once', () => {
		const data = source(4295);
		const paging = new Paging(
			() => data.rows,
			() => data.key
		);
		paging.showAll();
		expect(paging.rows).toHaveLength(4295);
		expect(paging.next).toBe(0);
	});

	it('goes back to the first page when the data changes, and pages the new rows', () => {
		const data = source(130);
		const paging = new Paging(
			() => data.rows,
			() => data.key
		);
		paging.more();
		expect(paging.rows).toHaveLength(100);
		data.rows = data.rows.map((r) => -r).reverse();
		data.key = 'k2';
		expect(paging.rows).toEqual(data.rows.slice(0, 50));
		expect(paging.rows[0]).toBe(-129);
	});

	it('shows a short list whole, with nothing to add', () => {
		const data = source(12);
		const paging = new Paging(
			() => data.rows,
			() => data.key
		);
		expect(paging.rows).toHaveLength(12);
		expect(paging.next).toBe(0);
	});

	it('takes its page size', () => {
		const data = source(25);
		const paging = new Paging(
			() => data.rows,
			() => data.key,
			10
		);
		expect(paging.rows).toHaveLength(10);
		paging.more();
		expect(paging.rows).toHaveLength(20);
		expect(paging.next).toBe(5);
	});
});
