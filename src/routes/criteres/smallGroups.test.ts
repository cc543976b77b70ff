import { describe, expect, it } from 'vitest';
import type { CriterionChange, CriterionRank, SelfAuditGap } from '$lib/model/rows';
import { MASKED_LABEL, MIN_N } from '$lib/model/smallGroups';
import { maskChange, maskedLast, rankable, showableGaps, trainingCell, trainingMls } from './smallGroups';

const rank = (n: number) => ({ criterion_id: `c${n}`, n }) as CriterionRank;
const change = (n_from: number, n_to: number): CriterionChange => ({
	criterion_id: '1.1',
	short_label: '',
	title: '',
	position: 1,
	mean_from: 2.5,
	n_from,
	mean_to: 3,
	n_to,
	delta: 0.5,
	trend: 'progresse'
});

describe('the small-group rule on the criteria explorer', () => {
	it('ranks a criterion over MIN_N Missions Locales, and lists one over MIN_N − 1 as masked', () => {
		const { ranked, masked } = rankable([rank(MIN_N), rank(MIN_N - 1), rank(40)]);
		expect(ranked.map((r) => r.n)).toEqual([MIN_N, 40]);
		expect(masked.map((r) => r.n)).toEqual([MIN_N - 1]);
	});

	it('moves rows over MIN_N − 1 Missions Locales after the ranked ones, in name order, and keeps MIN_N ranked', () => {
		const row = (name: string, n: number) => ({ name, n });
		const rows = [
			row('Bretagne', 40),
			row('Corse', MIN_N - 1),
			row('Normandie', MIN_N),
			row('Alsace', 1),
			row('Centre', 9)
		];
		expect(maskedLast(rows, (r) => r.name).map((r) => r.name)).toEqual([
			'Bretagne',
			'Normandie',
			'Centre',
			'Alsace',
			'Corse'
		]);
	});

	it('masks a training count of an ARML over MIN_N − 1 assessed Missions Locales, not over MIN_N', () => {
		expect(MASKED_LABEL).toBe(`n<${MIN_N}`);
		expect(trainingCell({ below: 1, assessed: MIN_N - 1 })).toBe(MASKED_LABEL);
		expect(trainingCell({ below: 1, assessed: MIN_N })).toBe(`1 / ${MIN_N}`);
		expect(trainingCell(undefined)).toBe('–');
		expect(trainingMls([{ assessed: MIN_N - 1 }, { assessed: 1 }], 2)).toBe(MASKED_LABEL);
		expect(trainingMls([{ assessed: MIN_N - 1 }, { assessed: MIN_N }], 2)).toBe('2');
	});

	it('masks a campaign’s mean over too few MLs, and the difference with it', () => {
		expect(maskChange(change(MIN_N, MIN_N))).toEqual(change(MIN_N, MIN_N));
		expect(maskChange(change(MIN_N - 1, MIN_N))).toMatchObject({
			mean_from: null,
			mean_to: 3,
			delta: null,
			trend: null
		});
		expect(maskChange(change(MIN_N, MIN_N - 1))).toMatchObject({ mean_to: null, delta: null });
	});

	it('shows a self-assessment gap over MIN_N pairs, not over MIN_N − 1', () => {
		const gaps = [MIN_N - 1, MIN_N].map((pairs) => ({ criterion_id: String(pairs), pairs }) as SelfAuditGap);
		expect(showableGaps(gaps).map((g) => g.pairs)).toEqual([MIN_N]);
	});
});
