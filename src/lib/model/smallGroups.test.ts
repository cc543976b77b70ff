import { describe, expect, it } from 'vitest';
import { isMasked, MASKED_LABEL, MIN_N, unlessMasked } from './smallGroups';

describe('the small-group rule', () => {
	it('masks a group of MIN_N − 1 Missions Locales and shows one of exactly MIN_N', () => {
		expect(isMasked(MIN_N - 1)).toBe(true);
		expect(isMasked(MIN_N)).toBe(false);
		expect(isMasked(0)).toBe(true);
		expect(isMasked(null)).toBe(true);
	});

	it('derives the masked label from the constant', () => {
		expect(MASKED_LABEL).toBe(`n<${MIN_N}`);
	});

	it('keeps a value only for a group large enough', () => {
		expect(unlessMasked(3.2, MIN_N)).toBe(3.2);
		expect(unlessMasked(3.2, MIN_N - 1)).toBeNull();
	});
});
