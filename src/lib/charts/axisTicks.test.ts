import { describe, expect, it } from 'vitest';
import { buildDocument } from '../server/svg';
import { changeDumbbellChart } from './changeDumbbell';
import { elementBarsChart } from './elementBars';
import { gapBarsChart } from './gapBars';
import { nationGapChart } from './nationGap';
import { pairedDumbbellChart } from './pairedDumbbell';
import { profileDotsChart } from './profileDots';

/** The labels of a chart's numeric x axis, as Plot writes them. */
const xTicks = (svg: SVGSVGElement) =>
	[...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);

const criterion = (id: string) => ({
	criterion_id: id,
	short_label: `Critère ${id}`,
	title: `Critère ${id}`,
	position: 1
});

/**
 * Every chart with a numeric axis writes its ticks with the decimals the axis needs, the same for
 * all, with a decimal comma and a true minus: « 2,0 · 2,5 · 3,0 », never « 2,00 · 2,50 · 3,00 ».
 */
describe('numeric axis ticks', () => {
	it('take one decimal on an axis of half levels (scores, before and after)', () => {
		const change = changeDumbbellChart(
			[
				{
					...criterion('1.1'),
					mean_from: 2.1,
					n_from: 9,
					mean_to: 2.9,
					n_to: 9,
					delta: 0.8,
					trend: 'progresse'
				}
			],
			{ document: buildDocument(), from: 2024, to: 2025 }
		);
		expect(xTicks(change)).toEqual([
			'2,0',
			'2,1',
			'2,2',
			'2,3',
			'2,4',
			'2,5',
			'2,6',
			'2,7',
			'2,8',
			'2,9',
			'3,0'
		]);
		const paired = pairedDumbbellChart(
			[
				{
					kind: 'ml',
					id: 'a',
					label: 'ML A',
					self: 3.5,
					audit: 1.5,
					gap: 2,
					n: 5,
					arml_gap: null,
					arml_n: null,
					national_gap: null
				}
			],
			{ document: buildDocument(), threshold: 3 }
		);
		expect(xTicks(paired).every((t) => /^\d,\d$/.test(t ?? ''))).toBe(true);
		expect(xTicks(paired)).toContain('2,5');
	});

	it('take no decimal on an axis of whole levels', () => {
		const profile = profileDotsChart(
			[{ id: '1.1', label: '1.1 Accueil', score: 2.5, armlMean: 2.25, nationalMean: 3 }],
			{ document: buildDocument(), threshold: 3, minLevel: 1, maxLevel: 4, armlName: 'ARML Bretagne' }
		);
		expect(xTicks(profile)).toEqual(['1', '2', '3', '4']);
		const bars = elementBarsChart(
			[{ element_id: '1.1.a', text: 'a', position: 1, mean: 2, n: 3, share_below: 0, mls: 3 }],
			{
				document: buildDocument(),
				threshold: 3,
				maxLevel: 4,
				width: 300
			}
		);
		expect(xTicks(bars)).toEqual(['1', '2', '3', '4']);
	});

	it('sign differences, with a true minus and no needless decimal', () => {
		const gaps = gapBarsChart([{ ...criterion('1.1'), pairs: 4, mean_self: 3, mean_audit: 2.5, gap: 0.5 }], {
			document: buildDocument()
		});
		expect(xTicks(gaps)).toEqual([
			'−0,6',
			'−0,5',
			'−0,4',
			'−0,3',
			'−0,2',
			'−0,1',
			'0,0',
			'+0,1',
			'+0,2',
			'+0,3',
			'+0,4',
			'+0,5',
			'+0,6'
		]);
		const nation = nationGapChart([{ id: '1.1', label: '1.1 Accueil', gap: -1, description: 'écart' }], {
			document: buildDocument()
		});
		const ticks = xTicks(nation);
		expect(ticks).toContain('−1,0');
		expect(ticks.filter((t) => /^[+−]?\d+,\d\d$/.test(t ?? '') || /-|\./.test(t ?? ''))).toEqual([]);
	});
});
