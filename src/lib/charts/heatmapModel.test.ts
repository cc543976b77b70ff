import { describe, expect, it } from 'vitest';
import type { HeatmapCell } from '../model/rows';
import { buildDocument } from '../server/svg';
import { MASKED_LABEL, MIN_N } from '../model/smallGroups';
import { heatmapSvg } from './heatmap';
import { heatmapModel, heatmapSummary, type HeatmapModelOptions } from './heatmapModel';

const cell = (
	row: string,
	col: string,
	group: string,
	mean: number,
	n: number,
	overall: number | null
): HeatmapCell => ({
	phase: 'audit',
	row_id: row,
	row_label: `ARML ${row}`,
	row_overall: overall,
	row_overall_n: n,
	row_mls: n,
	row_assessed: n,
	col_id: col,
	col_label: `Libellé ${col}`,
	col_title: `Titre ${col}`,
	group_id: group,
	group_label: `Chapitre ${group}`,
	col_position: Number(col.replace('.', '')),
	mean,
	share: mean >= 3 ? 1 : 0,
	n
});

const rows = [
	cell('a', '1.1', '1', 2, 10, 2.5),
	cell('a', '2.1', '2', 3.5, 10, 2.5),
	cell('b', '1.1', '1', 4, 2, 3.9),
	cell('b', '2.1', '2', 1, 2, 3.9)
];
const options: HeatmapModelOptions = {
	metric: 'mean',
	rows: 'arml',
	threshold: 3,
	maxLevel: 4,
	sort: 'overall'
};

/** Text with its narrow no-break spaces as plain spaces, to compare. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('heatmap model', () => {
	it('masks aggregated cells under the minimum n, and says why', () => {
		const model = heatmapModel(rows, options);
		const masked = model.cells.filter((c) => c.masked).map((c) => `${c.rowId}/${c.colId}`);
		expect(masked).toEqual(['b/1.1', 'b/2.1']);
		expect(model.cells.find((c) => c.rowId === 'b')?.description).toContain(
			'masqué, seulement 2 Missions Locales'
		);
	});

	it('names a cell’s column by its axis label, or by its text when it has none (elements)', () => {
		const model = heatmapModel(rows, options);
		expect(model.cells.find((c) => c.rowId === 'a' && c.colId === '1.1')?.description).toMatch(
			/^ARML a, 1\.1 Libellé 1\.1\s: niveau moyen 2,0\s\(n\s=\s10\)$/
		);
		const element = { ...cell('a', '1.1.a', '1', 2, 10, 2.5), col_label: '1.1.a' };
		expect(heatmapModel([element], options).cells[0].description).toMatch(
			/^ARML a, 1\.1\.a Titre 1\.1\.a\s: niveau moyen 2,0\s\(n\s=\s10\)$/
		);
	});

	it('masks a cell and a row’s overall score at n = MIN_N − 1 and shows them at n = MIN_N', () => {
		const edge = [cell('a', '1.1', '1', 2, MIN_N - 1, 2), cell('b', '1.1', '1', 3, MIN_N, 3)];
		const model = heatmapModel(edge, options);
		expect(model.cells.map((c) => [c.rowId, c.masked])).toEqual([
			['a', true],
			['b', false]
		]);
		expect(model.rows.map((r) => [r.id, r.overall, r.overallMasked])).toEqual([
			['b', 3, false],
			['a', null, true]
		]);
		expect(heatmapSvg(model, 'mean')).toContain(`>${MASKED_LABEL.replace('<', '&lt;')}</text>`);
	});

	it('leaves out of the summary a column at n = MIN_N − 1 but keeps one at n = MIN_N', () => {
		const model = heatmapModel(rows, options);
		const columns = (n1: number) => [
			{ ...model.columns[0], id: '1.1', label: 'A', mean: 1, n: n1 },
			{ ...model.columns[0], id: '1.2', label: 'B', mean: 2, n: MIN_N },
			{ ...model.columns[0], id: '1.3', label: 'C', mean: 3, n: MIN_N }
		];
		expect(heatmapSummary({ ...model, columns: columns(MIN_N - 1) }, 'mean')).toContain(
			'Le plus faible : 1.2'
		);
		expect(heatmapSummary({ ...model, columns: columns(MIN_N) }, 'mean')).toContain('Le plus faible : 1.1');
	});

	it('never masks rows that are one Mission Locale', () => {
		expect(heatmapModel(rows, { ...options, rows: 'ml' }).cells.some((c) => c.masked)).toBe(false);
	});

	it('sorts rows by overall score, best first, or by name', () => {
		const shown = rows.map((r) => ({ ...r, row_overall_n: 10 }));
		expect(heatmapModel(shown, options).rowOrder).toEqual(['b', 'a']);
		expect(heatmapModel(shown, { ...options, sort: 'name' }).rowOrder).toEqual(['a', 'b']);
	});

	it('sorts a row whose overall score is masked last', () => {
		expect(heatmapModel(rows, options).rowOrder).toEqual(['a', 'b']);
	});

	it('names the weakest and strongest columns, weighting cells by n', () => {
		// 1.1: (2×10 + 4×2) / 12 = 2.33; 2.1: (3.5×10 + 1×2) / 12 = 3.08
		const summary = heatmapSummary(heatmapModel(rows, options), 'mean');
		expect(summary).toBe(
			'Le plus faible : 1.1 « Libellé 1.1 » (2,33). Le plus fort : 2.1 « Libellé 2.1 » (3,08).'
		);
	});

	it('leaves out of the summary a column with fewer Missions Locales than the masking threshold', () => {
		const model = heatmapModel(rows, options);
		const few = {
			...model,
			columns: [...model.columns, { ...model.columns[1], id: '3.1', label: 'Rare', mean: 4, n: 1 }]
		};
		expect(heatmapSummary(few, 'mean')).toContain('Le plus fort : 2.1');
	});

	it('shows the share or the count when asked, and describes each cell with its value and n', () => {
		const shown = rows.map((r) => ({ ...r, n: 10, row_overall_n: 10 }));
		const share = heatmapModel(shown, { ...options, metric: 'share' });
		expect(share.cells.map((c) => c.value)).toEqual([0, 1, 1, 0]);
		expect(plain(share.cells[1].description)).toBe(
			'ARML a, 2.1 Libellé 2.1 : part des Missions Locales au niveau atteint 100 % (n = 10)'
		);
		// Columns: the share weighted by n, in position order.
		expect(share.columns.map((c) => [c.id, c.mean, c.n])).toEqual([
			['1.1', 0.5, 20],
			['2.1', 0.5, 20]
		]);
		const count = heatmapModel(shown, { ...options, metric: 'n' });
		expect(count.cells.map((c) => c.value)).toEqual([10, 10, 10, 10]);
		expect(plain(count.cells[0].description)).toBe(
			'ARML a, 1.1 Libellé 1.1 : Missions Locales évaluées 10 (n = 10)'
		);
		// A count column adds up its cells.
		expect(count.columns.map((c) => c.mean)).toEqual([20, 20]);
		expect(heatmapSummary(count, 'n')).toBeNull();
		const mean = heatmapModel(shown, options);
		expect(plain(mean.cells[0].description)).toBe('ARML a, 1.1 Libellé 1.1 : niveau moyen 2,0 (n = 10)');
	});

	it('orders columns by their position, not by their first appearance', () => {
		const model = heatmapModel([cell('a', '2.1', '2', 3, 10, 3), cell('a', '1.1', '1', 2, 10, 3)], options);
		expect(model.colOrder).toEqual(['1.1', '2.1']);
	});

	it('writes a share summary in percent, and none with fewer than two columns', () => {
		const shown = rows.map((r) => ({ ...r, n: 10, row_overall_n: 10 }));
		const share = heatmapModel(shown, { ...options, metric: 'share' });
		const apart = { ...share, columns: [{ ...share.columns[0], mean: 0.25 }, share.columns[1]] };
		expect(plain(heatmapSummary(apart, 'share')!)).toBe(
			'Le plus faible : 1.1 « Libellé 1.1 » (25 %). Le plus fort : 2.1 « Libellé 2.1 » (50 %).'
		);
		expect(heatmapSummary({ ...share, columns: [share.columns[0]] }, 'share')).toBeNull();
	});

	it('names three tied columns as a French list', () => {
		const model = heatmapModel(rows, options);
		const tied = {
			...model,
			columns: [
				...model.columns,
				{ ...model.columns[0], id: '1.2', label: 'Libellé 1.2' },
				{ ...model.columns[0], id: '1.3', label: 'Libellé 1.3' }
			]
		};
		expect(plain(heatmapSummary(tied, 'mean')!)).toContain(
			'Les plus faibles, à égalité (2,33) : 1.1 « Libellé 1.1 », 1.2 « Libellé 1.2 » et 1.3 « Libellé 1.3 ».'
		);
	});

	it('shows a row’s overall score over fewer than MIN_N when rows are Missions Locales, and no score as none', () => {
		const few = [cell('a', '1.1', '1', 2, 1, 2.5)];
		expect(heatmapModel(few, { ...options, rows: 'ml' }).rows[0]).toMatchObject({
			overall: 2.5,
			overallMasked: false
		});
		const none = [cell('a', '1.1', '1', 2, 1, null)];
		expect(heatmapModel(none, options).rows[0]).toMatchObject({ overall: null, overallMasked: false });
	});

	it('names every column tied at an end', () => {
		const model = heatmapModel(rows, options);
		const tied = {
			...model,
			columns: [...model.columns, { ...model.columns[0], id: '1.2', label: 'Libellé 1.2' }]
		};
		expect(heatmapSummary(tied, 'mean')).toBe(
			'Les plus faibles, à égalité (2,33) : 1.1 « Libellé 1.1 » et 1.2 « Libellé 1.2 ». Le plus fort : 2.1 « Libellé 2.1 » (3,08).'
		);
	});

	it('does not call two means tied when the tables show them apart (3,60 and 3,64)', () => {
		const model = heatmapModel(rows, options);
		const near = {
			...model,
			columns: [
				{ ...model.columns[0], id: '1.1', label: 'A', mean: 3.6 },
				{ ...model.columns[0], id: '1.2', label: 'B', mean: 3.64 },
				{ ...model.columns[0], id: '1.3', label: 'C', mean: 3.9 }
			]
		};
		expect(heatmapSummary(near, 'mean')).toBe(
			'Le plus faible : 1.1 « A » (3,60). Le plus fort : 1.3 « C » (3,90).'
		);
	});

	it('draws one focusable cell per value, values written in the cells, chapters apart', () => {
		// Row b's overall score is shown here (10 Missions Locales behind it), so it sorts first.
		const shown = rows.map((r) => ({ ...r, row_overall_n: 10 }));
		const svg = heatmapSvg(heatmapModel(shown, options), 'mean');
		expect(svg.match(/role="button"/g)).toHaveLength(4);
		// The first Tab lands on the top-left cell: ARML b is ranked first.
		expect(svg.match(/<rect [^>]*tabindex="0"[^>]*>/)![0]).toMatch(
			/data-row="b" data-col="1.1" data-r="0" data-c="0"/
		);
		expect(svg).toContain('>3,5</text>');
		expect(svg).toContain('>n&lt;3</text>');
		// One column per chapter here: a label may reach over the gap after its chapter, on two
		// lines, and is shortened beyond (the full label is its tooltip).
		expect(svg).toMatch(
			/>Chapitre<\/tspan><tspan x="[\d.]+" dy="1.1em">1<\/tspan><title>Chapitre 1<\/title>/
		);
		expect(svg).toContain('>Cha…<title>Chapitre 2</title>');
		expect(svg).not.toMatch(/<g[^>]* aria-label=/);
		// Cells have one name, no tooltip repeating it; the axes are hidden.
		expect(svg).not.toMatch(/<rect[^>]*>\s*<title>/);
		expect(svg.match(/<g data-axis="y" aria-hidden="true"/g)).toHaveLength(2);
		expect(svg.match(/<g [^>]*aria-hidden="true"/g)).toHaveLength(5);
	});

	it('draws a copy of the row labels, hidden from assistive technologies, down to the last row', () => {
		// Row b's overall score is shown here (10 Missions Locales behind it), so it sorts first.
		const shown = rows.map((r) => ({ ...r, row_overall_n: 10 }));
		const svg = heatmapSvg(heatmapModel(shown, options), 'mean');
		const labels = svg.slice(svg.indexOf('<svg', 1));
		expect(labels).toMatch(/^<svg [^>]*aria-hidden="true"/);
		expect(labels).toMatch(/class="row-labels"/);
		// Two lines of chapter headers (39 px), then two rows of 28 px.
		expect(labels).toMatch(/height="95"/);
		expect(labels.match(/>ARML [ab]<\/text>/g)).toEqual(['>ARML b</text>', '>ARML a</text>']);
	});

	it('sorts rows by their overall score among several shown, the masked one after them all', () => {
		const three = [
			cell('a', '1.1', '1', 2, 10, 2.5),
			cell('c', '1.1', '1', 3, 10, 3.0),
			{ ...cell('b', '1.1', '1', 4, 2, 3.9), row_overall_n: 2 }
		];
		expect(heatmapModel(three, options).rowOrder).toEqual(['c', 'a', 'b']);
	});

	it('sorts rows by name in French order (Î with I, before O), and ties in score by name', () => {
		const named = (id: string, label: string, overall: number) => ({
			...cell(id, '1.1', '1', 3, 10, overall),
			row_label: label
		});
		const list = [
			named('occ', 'ARML Occitanie', 3),
			named('idf', 'ARML Île-de-France', 2),
			named('ara', 'ARML Auvergne-Rhône-Alpes', 3)
		];
		expect(heatmapModel(list, { ...options, sort: 'name' }).rowOrder).toEqual(['ara', 'idf', 'occ']);
		expect(heatmapModel(list, options).rowOrder).toEqual(['ara', 'occ', 'idf']);
	});

	it('spreads the colours of counts up to the largest count', () => {
		const counts = [cell('a', '1.1', '1', 3, 40, 3), cell('a', '2.1', '2', 3, 8, 3)];
		const model = heatmapModel(counts, { ...options, metric: 'n' });
		expect(model.scale.thresholds).toEqual([10, 20, 30]);
	});

	it('draws the row labels’ copy as the chart draws them: its left margin wide, same font and colour', () => {
		const svg = heatmapSvg(heatmapModel(rows, options), 'mean');
		const doc = buildDocument();
		const holder = doc.createElement('div');
		holder.innerHTML = svg;
		const [chart, labels] = [...holder.querySelectorAll('svg')];
		const [chartAxis, labelsAxis] = [...holder.querySelectorAll('g[data-axis="y"]')];
		expect(labelsAxis.outerHTML).toBe(chartAxis.outerHTML);
		const width = labels.getAttribute('width')!;
		// Right-aligned 9 px short of its width, where the chart's first column starts.
		expect(Number(chartAxis.querySelector('text')!.getAttribute('x')) + 9).toBe(Number(width));
		expect(labels.getAttribute('viewBox')).toBe(`0 0 ${width} 95`);
		expect(labels.getAttribute('font-family')).toBe(chart.getAttribute('font-family'));
		expect(labels.getAttribute('font-size')).toBe(chart.getAttribute('font-size'));
		expect(labels.getAttribute('fill')).toBe('currentColor');
	});

	it('has no copy of row labels to give without rows', () => {
		// An empty heatmap draws its frame alone.
		const empty = heatmapSvg(heatmapModel([], options), 'mean');
		expect(empty.indexOf('<svg', 1)).toBe(-1);
		expect(empty.endsWith('</svg>')).toBe(true);
	});
});
