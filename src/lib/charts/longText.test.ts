import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cutText } from '../format/text';
import type { HeatmapCell } from '../model/rows';
import { buildDocument } from '../server/svg';
import { heatmapSvg } from './heatmap';
import { heatmapModel } from './heatmapModel';
import { accessibleSvg } from './accessible';
import { CHART_TEXT_CAP } from './capText';
import { pairedDumbbellChart } from './pairedDumbbell';

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

	it('keep the heatmap small: the row label cut on the axis, and in its tooltip at the cap', () => {
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
		const svg = heatmapSvg(model, 'mean');
		// The label cut on the axis, and in its tooltip at most CHART_TEXT_CAP long: not in every cell.
		expect(svg.length).toBeLessThan(2 * CHART_TEXT_CAP + 40_000);
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
		const tooltip = document.querySelector('g[data-axis="y"] text title')!.textContent!;
		expect(tooltip.length).toBeLessThanOrEqual(CHART_TEXT_CAP);
		expect(LONG.startsWith(tooltip.slice(0, -1).trimEnd())).toBe(true);
		expect(document.querySelector('b')).toBeNull();
		// Each cell names its row cut short.
		for (const rect of document.querySelectorAll('rect[aria-label]'))
			expect(rect.getAttribute('aria-label')!.length).toBeLessThan(200);
	});
});

describe('charts drawn with a very long name', () => {
	const rows = ['ml-long', 'ml-short'].map((id) => ({
		kind: 'ml' as const,
		id,
		label: id === 'ml-long' ? LONG : 'Brest',
		self: 3,
		audit: 2,
		gap: 1,
		n: 5,
		arml_n: null,
		arml_gap: null,
		national_gap: null
	}));

	it('cut it in the paired dumbbell’s axis and tooltips', () => {
		const svg = pairedDumbbellChart(rows, { document: buildDocument(), threshold: 3 });
		expect(svg.outerHTML.length).toBeLessThan(30_000);
		expect(svg.outerHTML).toContain('Brest');
	});

	it('never keep a label or tooltip longer than the cap, whatever a chart forgot to cut', () => {
		const document = buildDocument();
		const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
		const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
		const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
		const fits = 'é'.repeat(CHART_TEXT_CAP);
		title.textContent = LONG;
		text.append(fits, title);
		svg.append(text);
		const markup = accessibleSvg(svg as unknown as SVGSVGElement, 'Graphique').outerHTML;
		expect(markup.length).toBeLessThan(2 * CHART_TEXT_CAP + 500);
		expect(text.firstChild!.textContent).toBe(fits);
		expect(title.textContent!.length).toBeLessThanOrEqual(CHART_TEXT_CAP);
		expect(title.textContent!.length).toBeGreaterThan(CHART_TEXT_CAP - 5);
		expect(title.textContent!.endsWith('…')).toBe(true);
	});
});
