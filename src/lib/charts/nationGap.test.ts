import { describe, expect, it } from 'vitest';
import { buildDocument } from '../server/svg';
import { formatGap, nationGapChart, GAP_ABOVE, GAP_BELOW, type GapBar } from './nationGap';
import { profileDotsChart } from './profileDots';

const bar = (id: string, gap: number | null): GapBar => ({
	id,
	label: `${id} libellé`,
	gap,
	description: id
});

describe('gap to the nation chart', () => {
	it('formats gaps with a sign, two decimals and a true minus', () => {
		expect(formatGap(0.333)).toBe('+0,33');
		expect(formatGap(-0.456)).toBe('−0,46');
		expect(formatGap(-0.001)).toBe('0,00');
		expect(formatGap(null)).toBe('–');
	});

	it('draws one bar per assessed criterion, coloured by side, each value written', () => {
		const svg = nationGapChart([bar('1.1', -0.2), bar('1.2', 0.31), bar('2.1', null)], {
			document: buildDocument()
		});
		const rects = [...svg.querySelectorAll('rect[aria-label]')];
		expect(rects.map((r) => r.getAttribute('fill'))).toEqual([GAP_BELOW, GAP_ABOVE]);
		const written = [...svg.querySelectorAll('.gap-value text')].map((t) => t.textContent);
		expect(written.sort()).toEqual(['+0,31', '−0,20']);
		expect(svg.textContent).toContain('non évalué');
	});
});

describe('ML profile chart', () => {
	it('writes the ML’s score of every criterion, "non évalué" when missing', () => {
		const svg = profileDotsChart(
			[
				{ id: '1.1', label: '1.1 A', score: 2.5, armlMean: 3, nationalMean: 2.8 },
				{ id: '1.2', label: '1.2 B', score: null, armlMean: 3, nationalMean: null }
			],
			{ document: buildDocument(), threshold: 3, minLevel: 1, maxLevel: 4, armlName: 'ARML X' }
		);
		expect([...svg.querySelectorAll('.profile-score text')].map((t) => t.textContent)).toEqual([
			'2,50',
			'non évalué'
		]);
		expect(svg.querySelectorAll('circle')).toHaveLength(1);
	});
});
