import { describe, expect, it } from 'vitest';
import { isMasked, MASKED_LABEL, maskMeans, MIN_N, unlessMasked } from './smallGroups';

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

	it('nulls the means of groups under MIN_N and keeps the others', () => {
		const row = { arml_mean: 2.5, arml_n: MIN_N - 1, national_mean: 3.1, national_n: MIN_N };
		expect(maskMeans(row, { arml_mean: 'arml_n', national_mean: 'national_n' })).toEqual({
			...row,
			arml_mean: null
		});
		expect(maskMeans({ ...row, arml_n: MIN_N }, { arml_mean: 'arml_n' }).arml_mean).toBe(2.5);
		// The row itself is left untouched.
		expect(row.arml_mean).toBe(2.5);
	});
});
