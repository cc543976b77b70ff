import { describe, expect, it } from 'vitest';
import { allocateWithMinimum, largestRemainder } from './allocate.ts';

describe('largestRemainder', () => {
	it('shares a total exactly, in proportion to the weights', () => {
		const shares = largestRemainder([1, 1, 1], 100);
		expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
		expect(shares).toEqual([34, 33, 33]);
		expect(largestRemainder([5, 3, 2], 10)).toEqual([5, 3, 2]);
	});

	it('gives the leftover units to the largest remainders', () => {
		expect(largestRemainder([0.45, 0.35, 0.2], 3)).toEqual([1, 1, 1]);
		expect(largestRemainder([0.6, 0.3, 0.1], 2)).toEqual([1, 1, 0]);
	});

	it('returns zeros for a zero total', () => {
		expect(largestRemainder([3, 4], 0)).toEqual([0, 0]);
	});
});

describe('allocateWithMinimum', () => {
	it('gives every weight at least the minimum and still sums to the total', () => {
		const shares = allocateWithMinimum([1000, 10, 1, 500], 20, 1);
		expect(shares.reduce((a, b) => a + b, 0)).toBe(20);
		expect(Math.min(...shares)).toBe(1);
		expect(shares[0]).toBeGreaterThan(shares[3]);
	});

	it('refuses a total too small for the minimum', () => {
		expect(() => allocateWithMinimum([1, 1, 1], 2, 1)).toThrow();
	});
});
