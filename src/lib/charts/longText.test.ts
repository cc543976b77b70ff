import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cutText } from '../format/text';
import type { HeatmapCell } from '../model/rows';
import { buildDocument } from '../server/svg';
import { heatmapModel, heatmapSvg } from './heatmapModel';

// Issue 13.4: a 100 000-character name made the page 1.6 million px wide and the SVG export 11 MB.
// Long values are cut for display; the full text is kept (a tooltip, the table alternative).
const LONG = `<b>Mission Locale</b> ${'très longue '.repeat(9000)}fin`;

const cell = (row: string, label: string, col: string): HeatmapCell => ({
	phase: 'audit',
	row_id: row,
	row_label: label,
	row_overall: 3,
	row_overall_n: 10,
	row_mls: 1,
	row_assessed: 1,
	col_id: col,
	col_label: col,
	col_title: `Critère ${col}`,
	group_id: '1',
	group_label: 'Chapitre 1',
	col_position: 1,
	mean: 3,
	share: 1,
	n: 1
});

describe('very long values from the data', () => {
	it('are cut with an ellipsis, whole when short, never in the middle of a character', () => {
		expect(cutText('Brest', 10)).toBe('Brest');
		expect(cutText('abcdefghijk', 5)).toBe('abcd…');
		expect(cutText('😀😀😀😀😀😀', 4)).toBe('😀😀😀…');
		expect(cutText(LONG).length).toBeLessThanOrEqual(80);
	});

	it('keep the heatmap small: the row label cut on the axis, whole in its tooltip only', () => {
		const cells = ['1.1', '1.2', '2.1', '3.1'].flatMap((col) => [
			cell('ml-long', LONG, col),
			cell('ml-short', 'Brest', col)
		]);
		const model = heatmapModel(cells, {
			metric: 'mean',
			rows: 'ml',
			threshold: 3,
			maxLevel: 4,
			sort: 'name'
		});
		const svg = heatmapSvg(model, 'mean', buildDocument());
		// The label once in the chart and once in the sticky copy, in tooltips: not in every cell.
		expect(svg.length).toBeLessThan(2 * LONG.length + 40_000);
		const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
		const ticks = [...document.querySelectorAll('g[data-axis="y"] text')];
		const shown = ticks.map((t) =>
			[...t.childNodes]
				.filter((n) => n.nodeType === 3)
				.map((n) => n.textContent)
				.join('')
		);
		expect(shown).toContain('Brest');
		const long = shown.find((s) => s.startsWith('<b>Mission Locale</b>'))!;
		expect(long.endsWith('…')).toBe(true);
		expect(long.length).toBeLessThanOrEqual(80);
		expect(document.querySelector('g[data-axis="y"] text title')?.textContent).toBe(LONG);
		expect(document.querySelector('b')).toBeNull();
		// Each cell names its row cut short.
		for (const rect of document.querySelectorAll('rect[aria-label]'))
			expect(rect.getAttribute('aria-label')!.length).toBeLessThan(200);
	});
});
