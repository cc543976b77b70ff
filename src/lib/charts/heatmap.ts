import { MASKED_LABEL } from '../model/smallGroups';
import { cutText } from '../format/text';
import type { Metric } from '../model/filters';
import { CHART_TEXT_CAP } from './capText';
import { colorOf, type ColorScale } from './colors';
import type { HeatmapModel } from './heatmapModel';
import { round2, svgEl, svgMarkup, type SvgNode } from './svgTree';

/** What the heatmap draws in one cell; built by the page from query rows. */
export type HeatCell = {
	rowId: string;
	rowLabel: string;
	colId: string;
	colLabel: string;
	colTitle: string;
	groupId: string;
	groupLabel: string;
	value: number | null;
	n: number;
	/** Greyed out: too few MLs behind an aggregated cell. */
	masked: boolean;
	/** The sentence a screen reader and the tooltip give. */
	description: string;
};

export type HeatmapChartOptions = {
	metric: Metric;
	scale: ColorScale;
	/** Row ids, top to bottom. */
	rowOrder: string[];
	/** Column ids in référentiel order. */
	colOrder: string[];
	cellWidth?: number;
	cellHeight?: number;
};

export const MASKED_FILL = '#d4d4d4';
const FONT = 'system-ui, sans-serif';
/** Font sizes of the axes and of the values written in the cells. */
const AXIS_SIZE = 11;
const VALUE_SIZE = 10;

/** Rough width of a label in pixels at the axis font size (no DOM measuring at build time). */
const textWidth = (text: string, size = 11) => text.length * size * 0.56;
/** A label or tooltip from the data, capped (`capText.ts`): the chart's last guard. */
const capped = (text: string) => cutText(text, CHART_TEXT_CAP);

/**
 * Positions of `n` bands over `[from, to]`: d3's band scale as Plot sets it up for a cell mark
 * (padding 0.1 inside and out, centred; rounded to whole pixels unless that wastes over 30 px), so
 * that the chart is drawn where Plot drew it.
 */
export function bands(n: number, from: number, to: number): { start: (i: number) => number; width: number } {
	const exact = (to - from) / Math.max(1, n - 0.1 + 0.2);
	const round = (exact - Math.floor(exact)) * (n - 0.1) <= 30;
	const step = round ? Math.floor(exact) : exact;
	const start = from + (to - from - step * (n - 0.1)) / 2;
	const width = step * 0.9;
	if (!round) return { start: (i) => start + step * i, width };
	return { start: (i) => Math.round(start) + step * i, width: Math.round(width) };
}

/** A group's label on two lines at most, shortened to `room` characters a line. */
function fitLabel(text: string, room: number): string[] {
	if (text.length <= room) return [text];
	const words = text.split(' ');
	let first = '';
	while (words.length > 1 && `${first} ${words[0]}`.trim().length <= room)
		first = `${first} ${words.shift()}`.trim();
	const rest = words.join(' ');
	if (!first) return [`${text.slice(0, room - 1).trimEnd()}…`];
	return [first, rest.length <= room ? rest : `${rest.slice(0, room - 1).trimEnd()}…`];
}

/**
 * Draws a maturity heatmap: rows × columns, columns grouped by chapter (a gap between groups),
 * values written in the cells, masked cells greyed out. Each cell carries data attributes and an
 * aria-label (its one name: no tooltip title to read twice) so the page can make it focusable and
 * clickable; the axes are hidden from assistive technologies. Returns the chart, and the copy of its
 * row labels the page keeps in view when the chart scrolls sideways (when it has rows).
 */
export function heatmapChart(cells: HeatCell[], options: HeatmapChartOptions): SvgNode[] {
	const { scale, rowOrder, colOrder } = options;
	// 34 px: the national view's 24 criteria and 15 ARML fit a 1280 px screen without scrolling.
	const cellWidth = options.cellWidth ?? 34;
	const cellHeight = options.cellHeight ?? 28;
	const byCol = new Map(cells.map((c) => [c.colId, c]));
	const rowLabels = new Map(cells.map((c) => [c.rowId, c.rowLabel]));

	// A spacer band between chapters makes the grouping visible without colour.
	const colBand = new Map<string, number>();
	const groups: { id: string; band: number; columns: number; label: string }[] = [];
	let band = 0;
	colOrder.forEach((id, i) => {
		const group = byCol.get(id)?.groupId;
		if (i === 0 || group !== byCol.get(colOrder[i - 1])?.groupId) {
			if (i > 0) band++;
			groups.push({ id, band, columns: 0, label: byCol.get(id)?.groupLabel ?? '' });
		}
		groups[groups.length - 1].columns++;
		colBand.set(id, band++);
	});
	// A group's label must fit over its columns and the gap after them, on two lines at most:
	// shortened beyond (the full label stays in its tooltip).
	const groupLines = groups.map((g, i) =>
		fitLabel(
			g.label,
			Math.max(2, Math.floor(((g.columns + (i < groups.length - 1 ? 1 : 0)) * cellWidth - 6) / 6.6))
		)
	);
	const lineCount = Math.max(1, ...groupLines.map((lines) => lines.length));

	const longestRow = Math.max(60, ...rowOrder.map((id) => textWidth(rowLabels.get(id) ?? id, 12)));
	const longestCol = Math.max(40, ...colOrder.map((id) => textWidth(byCol.get(id)?.colLabel ?? id)));
	const marginLeft = Math.min(260, longestRow + 12);
	const marginBottom = Math.min(220, longestCol * 0.72 + 24);
	const marginTop = 13 + 13 * lineCount;
	const width = marginLeft + band * cellWidth + 16;
	const rowsBottom = marginTop + rowOrder.length * cellHeight;
	const height = rowsBottom + marginBottom;
	const x = bands(band, marginLeft, width - 16);
	const y = bands(rowOrder.length, marginTop, rowsBottom);
	const rowIndex = new Map(rowOrder.map((id, i) => [id, i]));
	const colIndex = new Map(colOrder.map((id, i) => [id, i]));

	// A very long row label is cut (80 characters); the label keeps the full text in its tooltip.
	const yAxis = svgEl(
		'g',
		{ 'data-axis': 'y', 'aria-hidden': 'true', 'text-anchor': 'end' },
		rowOrder.map((id, i) => {
			const full = rowLabels.get(id) ?? id;
			const shown = cutText(full);
			const at = { x: marginLeft - 9, y: y.start(i) + y.width / 2 + 0.32 * AXIS_SIZE };
			return svgEl('text', at, shown === full ? [shown] : [svgEl('title', {}, [capped(full)]), shown]);
		})
	);
	const xAxis = svgEl(
		'g',
		{ 'aria-hidden': 'true', 'text-anchor': 'end' },
		colOrder.map((id) => {
			const cx = round2(x.start(colBand.get(id)!) + x.width / 2);
			const transform = `translate(${cx},${round2(rowsBottom + 11.83)}) rotate(-45)`;
			return svgEl('text', { transform, dy: '0.32em' }, [capped(byCol.get(id)?.colLabel ?? id)]);
		})
	);

	const drawn = cells.filter((c) => c.value !== null && rowIndex.has(c.rowId) && colIndex.has(c.colId));
	const fill = (c: HeatCell) => (c.masked ? MASKED_FILL : colorOf(scale, c.value!));
	// The first Tab into the heatmap lands on its top-left cell.
	let first: HeatCell | null = null;
	for (const c of drawn) {
		const [r, k] = [rowIndex.get(c.rowId)!, colIndex.get(c.colId)!];
		if (
			!first ||
			r < rowIndex.get(first.rowId)! ||
			(r === rowIndex.get(first.rowId) && k < colIndex.get(first.colId)!)
		)
			first = c;
	}
	const rects = drawn.map((c) =>
		svgEl('rect', {
			x: x.start(colBand.get(c.colId)!) + 1,
			y: y.start(rowIndex.get(c.rowId)!) + 1,
			width: x.width - 2,
			height: y.width - 2,
			fill: fill(c),
			role: 'button',
			tabindex: c === first ? '0' : '-1',
			'data-row': c.rowId,
			'data-col': c.colId,
			'data-r': String(rowIndex.get(c.rowId)),
			'data-c': String(colIndex.get(c.colId)),
			'aria-label': c.description
		})
	);
	// The values' text colour most cells take is the group's; the others write their own.
	const textFills = drawn.map((c) => scale.textOn(fill(c)));
	const counts = new Map<string, number>();
	for (const f of textFills) counts.set(f, (counts.get(f) ?? 0) + 1);
	const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'currentColor';
	const values = drawn.map((c, i) =>
		svgEl(
			'text',
			{
				x: x.start(colBand.get(c.colId)!) + x.width / 2,
				y: y.start(rowIndex.get(c.rowId)!) + y.width / 2 + 0.32 * VALUE_SIZE,
				fill: textFills[i] === common ? null : textFills[i]
			},
			[c.masked ? MASKED_LABEL : scale.format(c.value!)]
		)
	);
	const chapters = groups.map((g, i) => {
		const lines = groupLines[i];
		const at = { x: x.start(g.band) + x.width / 2 - cellWidth / 2 + 2, y: 8 };
		const title = svgEl('title', {}, [capped(g.label)]);
		if (lines.length === 1) return svgEl('text', { ...at, dy: '0.781em' }, [capped(lines[0]), title]);
		const spans = lines.map((line, k) =>
			svgEl('tspan', k === 0 ? { x: at.x, dy: '0.781em' } : { x: at.x, dy: '1.1em' }, [capped(line)])
		);
		return svgEl('text', at, [...spans, title]);
	});

	const chart = svgEl(
		'svg',
		{
			class: 'heatmap',
			role: 'group',
			width,
			height,
			viewBox: `0 0 ${round2(width)} ${round2(height)}`,
			'font-family': FONT,
			'font-size': AXIS_SIZE,
			fill: 'currentColor',
			'text-anchor': 'middle'
		},
		[
			yAxis,
			xAxis,
			svgEl('g', {}, rects),
			svgEl(
				'g',
				{ 'font-size': VALUE_SIZE, fill: common, 'pointer-events': 'none', 'aria-hidden': 'true' },
				values
			),
			svgEl('g', { 'font-weight': 'bold', 'text-anchor': 'start', 'aria-hidden': 'true' }, chapters)
		]
	);
	if (!rowOrder.length) return [chart];
	// Down to the last row only: the column labels below, rotated, reach into the left margin.
	const labels = svgEl(
		'svg',
		{
			class: 'row-labels',
			'aria-hidden': 'true',
			width: marginLeft,
			height: rowsBottom,
			viewBox: `0 0 ${round2(marginLeft)} ${rowsBottom}`,
			'font-size': AXIS_SIZE,
			'font-family': FONT,
			fill: 'currentColor'
		},
		[yAxis]
	);
	return [chart, labels];
}

/** Draws a model: the chart, then its row labels alone. */
export function heatmapNodes(model: HeatmapModel, metric: Metric): SvgNode[] {
	const { cells, scale, rowOrder, colOrder } = model;
	return heatmapChart(cells, { metric, scale, rowOrder, colOrder });
}

/** Draws a model as SVG markup (the build's HTML): the chart, then its row labels alone. */
export function heatmapSvg(model: HeatmapModel, metric: Metric): string {
	return heatmapNodes(model, metric).map(svgMarkup).join('');
}
