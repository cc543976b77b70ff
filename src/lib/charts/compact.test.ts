import { describe, expect, it } from 'vitest';
import { buildDocument } from '../server/svg';
import { compactGeometry, roundDecimals } from './compact';

describe('roundDecimals', () => {
	it('rounds every long decimal to a hundredth, and leaves short ones and integers', () => {
		expect(roundDecimals('658.0176991150444')).toBe('658.02');
		expect(roundDecimals('translate(804,461.26548672566383)')).toBe('translate(804,461.27)');
		expect(roundDecimals('M-3.14159,2.71828L10,0.5')).toBe('M-3.14,2.72L10,0.5');
		expect(roundDecimals('23.16814159292035')).toBe('23.17');
		expect(roundDecimals('12.5')).toBe('12.5');
		expect(roundDecimals('0.32em')).toBe('0.32em');
		expect(roundDecimals('28')).toBe('28');
	});
});

describe('compactGeometry', () => {
	it('rounds positions and sizes, never labels or data', () => {
		const document = buildDocument();
		const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
		svg.innerHTML =
			'<g transform="translate(15,12.584070796460175)"><rect x="277" y="658.0176991150444" height="23.16814159292035" data-row="ML-92-10" aria-label="score 3.14159" /></g>';
		compactGeometry(svg);
		const rect = svg.querySelector('rect')!;
		expect(svg.querySelector('g')!.getAttribute('transform')).toBe('translate(15,12.58)');
		expect([rect.getAttribute('x'), rect.getAttribute('y'), rect.getAttribute('height')]).toEqual([
			'277',
			'658.02',
			'23.17'
		]);
		expect(rect.getAttribute('aria-label')).toBe('score 3.14159');
	});
});
