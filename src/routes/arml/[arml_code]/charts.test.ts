import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { MlRates } from '$lib/model/rows';
import { RATES, nationalColumn, rateColumn } from '$lib/db/queries/rates';
import { MASKED_LABEL, MIN_N } from '$lib/model/smallGroups';
import { rateMedians, rateStrip } from './charts';

const ml = (i: number, nationalMls: number): MlRates =>
	({
		ml_id: `ml-${i}`,
		nom: `Mission Locale ${i}`,
		annee: 2025,
		jeunes_accompagnes: 1000,
		national_mls: nationalMls,
		...Object.fromEntries(
			RATES.flatMap((r) => [
				[r, 100 + i],
				[rateColumn(r), 10 + i],
				[nationalColumn(r), 12.5],
				[`${r}_arml`, 11.5]
			])
		)
	}) as MlRates;

const members = (n: number, nationalMls = 400) => Array.from({ length: n }, (_, i) => ml(i, nationalMls));

describe('the key-figure medians of an ARML', () => {
	it('shows the ARML’s medians over MIN_N Missions Locales', () => {
		const medians = rateMedians(members(MIN_N));
		expect(medians.every((m) => m.arml === 11.5 && m.armlN === MIN_N && m.national === 12.5)).toBe(true);
	});

	it('masks the ARML’s medians over MIN_N − 1, and the chart writes the masked label', () => {
		const rows = members(MIN_N - 1);
		const medians = rateMedians(rows);
		expect(medians.every((m) => m.arml === null && m.armlN === MIN_N - 1)).toBe(true);
		expect(medians.every((m) => m.national === 12.5)).toBe(true);
		const { document } = parseHTML('<!doctype html><html><body></body></html>');
		const text = rateStrip(rows, 'ARML Corse', document).textContent ?? '';
		expect(text).toContain(`ARML ${MASKED_LABEL}`);
		expect(text).not.toContain('11,5');
	});

	it('counts only the MLs with a value for each rate', () => {
		const rows = members(MIN_N);
		rows[0] = { ...rows[0], [rateColumn(RATES[0])]: null };
		const [first, second] = rateMedians(rows);
		expect(first).toMatchObject({ arml: null, armlN: MIN_N - 1 });
		expect(second).toMatchObject({ arml: 11.5, armlN: MIN_N });
	});

	it('masks the national medians of a dataset under MIN_N Missions Locales', () => {
		expect(rateMedians(members(MIN_N, MIN_N - 1)).every((m) => m.national === null)).toBe(true);
	});
});
