import { describe, expect, it } from 'vitest';
import { DISPLAY_LIMIT, ROW_LIMIT } from '$lib/db/console/run';
import { resultSummary } from './summary';

describe('resultSummary', () => {
	it('counts rows in French, one row in the singular', () => {
		expect(resultSummary(0, false)).toBe('0 ligne.');
		expect(resultSummary(1, false)).toBe('1 ligne.');
		expect(resultSummary(2, false)).toBe('2 lignes.');
	});

	it('puts narrow no-break spaces before « : » and « ; » when rows are kept or hidden', () => {
		const text = resultSummary(ROW_LIMIT, true);
		expect(text).toContain('lignes\u202f: seules les 50\u00a0000 premières');
		expect(text).toContain('premières\u202f; les exports');
		expect(resultSummary(DISPLAY_LIMIT, false)).not.toContain('Le tableau');
		expect(text).not.toMatch(/ [:;]/);
	});
});
