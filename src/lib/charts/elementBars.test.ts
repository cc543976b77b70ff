import { describe, expect, it } from 'vitest';
import { buildDocument } from '../server/svg';
import { elementBarsChart } from './elementBars';

const element = (id: string, mean: number) => ({
	element_id: id,
	text: `Élément ${id}`,
	position: 1,
	mean,
	n: 10,
	share_below: 0.5,
	mls: 10
});

describe('elements chart', () => {
	it('writes its axis ticks with the same decimals, a decimal comma and no decimal point', () => {
		const svg = elementBarsChart([element('3.3.a', 1.77), element('3.3.b', 2.49)], {
			document: buildDocument(),
			threshold: 3,
			maxLevel: 4
		});
		// Plot's numeric tick labels are the texts of the group set in tabular figures.
		const ticks = [...svg.querySelectorAll('g[font-variant="tabular-nums"] text')].map((t) => t.textContent);
		expect(ticks).toEqual(['1,0', '1,5', '2,0', '2,5', '3,0', '3,5', '4,0']);
	});
});
