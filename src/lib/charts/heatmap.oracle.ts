import { MASKED_LABEL } from '../model/smallGroups';
import { cutText } from '../format/text';
import * as Plot from '@observablehq/plot';
import { accessibleSvg } from './accessible';
import { colorOf } from './colors';
import { compactGeometry } from './compact';
import type { HeatCell, HeatmapChartOptions as PlotOptions } from './heatmap';

type HeatmapChartOptions = PlotOptions & {
	/** Where to create elements: linkedom's document in tests. */
	document: Document;
};

const MASKED_FILL = '#d4d4d4';
const SPACER = '\u2009gap:';

/** Rough width of a label in pixels at the axis font size (no DOM measuring at build time). */
const textWidth = (text: string, size = 11) => text.length * size * 0.56;

/**
 * TEST ORACLE ONLY (`heatmap.test.ts`): the heatmap as Observable Plot drew it until the cell grid
 * was written directly (`heatmap.ts`). The test proves the direct drawing puts every cell, value and
 * label where this one did, with the same colours, names and tooltips.
 *
 * Draws a maturity heatmap: rows × columns, columns grouped by chapter (a gap between groups),
 * values written in the cells, masked cells greyed out. Each cell carries data attributes and an
 * aria-label (its one name: no tooltip title to read twice) so the page can make it focusable and
 * clickable; the axes are hidden from assistive technologies.
 */
export function plotHeatmap(cells: HeatCell[], options: HeatmapChartOptions): SVGSVGElement {
	const { scale, rowOrder, colOrder, document } = options;
	// 34 px: the national view's 24 criteria and 15 ARML fit a 1280 px screen without scrolling.
	const cellWidth = options.cellWidth ?? 34;
	const cellHeight = options.cellHeight ?? 28;
	const byCol = new Map(cells.map((c) => [c.colId, c]));
	const rowLabels = new Map(cells.map((c) => [c.rowId, c.rowLabel]));

	// Insert a spacer band between chapters so the grouping is visible without colour.
	const domain: string[] = [];
	colOrder.forEach((id, i) => {
		if (i > 0 && byCol.get(id)?.groupId !== byCol.get(colOrder[i - 1])?.groupId)
			domain.push(`${SPACER}${id}`);
		domain.push(id);
	});
	const groupStarts = colOrder.filter(
		(id, i) => i === 0 || byCol.get(id)?.groupId !== byCol.get(colOrder[i - 1])?.groupId
	);
	// A group's label must fit over its columns and the gap after them, on two lines at most:
	// shortened beyond (the full label stays in its tooltip).
	const groupWidth = (id: string) =>
		colOrder.filter((c) => byCol.get(c)?.groupId === byCol.get(id)?.groupId).length +
		(groupStarts.indexOf(id) < groupStarts.length - 1 ? 1 : 0);
	const groupLabel = (id: string) => {
		const text = byCol.get(id)?.groupLabel ?? '';
		const room = Math.max(2, Math.floor((groupWidth(id) * cellWidth - 6) / 6.6));
		if (text.length <= room) return text;
		const words = text.split(' ');
		let first = '';
		while (words.length > 1 && `${first} ${words[0]}`.trim().length <= room)
			first = `${first} ${words.shift()}`.trim();
		const rest = words.join(' ');
		if (!first) return `${text.slice(0, room - 1).trimEnd()}…`;
		return `${first}\n${rest.length <= room ? rest : `${rest.slice(0, room - 1).trimEnd()}…`}`;
	};
	const groupLines = Math.max(1, ...groupStarts.map((id) => groupLabel(id).split('\n').length));

	const longestRow = Math.max(60, ...rowOrder.map((id) => textWidth(rowLabels.get(id) ?? id, 12)));
	const longestCol = Math.max(40, ...colOrder.map((id) => textWidth(byCol.get(id)?.colLabel ?? id)));
	const marginLeft = Math.min(260, longestRow + 12);
	// A very long row label is cut (80 characters); the tick keeps the full text in its tooltip.
	const rowTick = (id: string) => cutText(rowLabels.get(id) ?? id);
	const marginBottom = Math.min(220, longestCol * 0.72 + 24);
	const marginTop = 13 + 13 * groupLines;
	const drawn = cells.filter((c) => c.value !== null);
	const label = (c: HeatCell) => (c.masked ? MASKED_LABEL : scale.format(c.value!));
	const fill = (c: HeatCell) => (c.masked ? MASKED_FILL : colorOf(scale, c.value!));

	const svg = Plot.plot({
		document,
		width: marginLeft + domain.length * cellWidth + 16,
		height: marginTop + rowOrder.length * cellHeight + marginBottom,
		marginLeft,
		marginBottom,
		marginTop,
		marginRight: 16,
		style: { fontSize: '11px', background: 'transparent', overflow: 'visible' },
		x: {
			domain,
			axis: 'bottom',
			tickRotate: -45,
			tickSize: 0,
			label: null,
			tickFormat: (id: string) => (id.startsWith(SPACER) ? '' : (byCol.get(id)?.colLabel ?? id))
		},
		y: { domain: rowOrder, label: null, tickSize: 0, tickFormat: rowTick },
		color: { type: 'identity' },
		marks: [
			Plot.cell(drawn, {
				x: 'colId',
				y: 'rowId',
				fill,
				inset: 1,
				ariaLabel: (c: HeatCell) => c.description
			}),
			Plot.text(drawn, {
				x: 'colId',
				y: 'rowId',
				text: label,
				fill: (c: HeatCell) => scale.textOn(fill(c)),
				fontSize: 10,
				ariaHidden: 'true',
				pointerEvents: 'none'
			}),
			Plot.text(groupStarts, {
				x: (id: string) => id,
				frameAnchor: 'top',
				dy: 8 - marginTop,
				lineHeight: 1.1,
				dx: -cellWidth / 2 + 2,
				textAnchor: 'start',
				text: groupLabel,
				title: (id: string) => byCol.get(id)?.groupLabel ?? '',
				fontWeight: 'bold',
				fill: 'currentColor',
				ariaHidden: 'true'
			})
		]
	}) as SVGSVGElement;

	// Each cell's aria-label names its row and column: the axes would only repeat them, at length.
	svg.querySelectorAll('g[aria-label*="axis"]').forEach((g) => g.setAttribute('aria-hidden', 'true'));
	const yTicks = svg.querySelector('g[aria-label="y-axis tick label"]');
	yTicks?.setAttribute('data-axis', 'y');
	yTicks?.querySelectorAll('text').forEach((text, i) => {
		const full = rowLabels.get(rowOrder[i]) ?? '';
		if (full === text.textContent) return;
		const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
		title.textContent = full;
		text.prepend(title);
	});
	svg.setAttribute('data-margin-left', String(marginLeft));
	svg.setAttribute('data-rows-bottom', String(marginTop + rowOrder.length * cellHeight));
	const rects = svg.querySelectorAll('g[aria-label="cell"] rect');
	// The first Tab into the heatmap lands on its top-left cell.
	const rowIndex = new Map(rowOrder.map((id, i) => [id, i]));
	const colIndex = new Map(colOrder.map((id, i) => [id, i]));
	const position = (c: HeatCell) => [rowIndex.get(c.rowId) ?? -1, colIndex.get(c.colId) ?? -1] as const;
	const first = drawn.reduce<HeatCell | null>((best, c) => {
		if (!best) return c;
		const [r, k] = position(c);
		const [br, bk] = position(best);
		return r < br || (r === br && k < bk) ? c : best;
	}, null);
	rects.forEach((rect, i) => {
		const c = drawn[i];
		const [r, k] = position(c);
		rect.setAttribute('data-row', c.rowId);
		rect.setAttribute('data-col', c.colId);
		rect.setAttribute('data-r', String(r));
		rect.setAttribute('data-c', String(k));
		rect.setAttribute('role', 'button');
		rect.setAttribute('tabindex', c === first ? '0' : '-1');
	});
	svg.setAttribute('role', 'group');
	return compactGeometry(accessibleSvg(svg));
}
