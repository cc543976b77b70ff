import { describe, expect, it } from 'vitest';
import type { HeatmapCell } from '../model/rows';
import type { Metric } from '../model/filters';
import { MASKED_LABEL, MIN_N } from '../model/smallGroups';
import { buildDocument } from '../server/svg';
import { heatmapNodes, heatmapSvg, bands } from './heatmap';
import { plotHeatmap } from './heatmap.oracle';
import { heatmapModel, type HeatmapModel, type HeatmapModelOptions } from './heatmapModel';
import { svgElement, svgMarkup } from './svgTree';

/** A deterministic pseudo-random sequence (the same rows on every run). */
function random(seed: number) {
	return () => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return seed / 2 ** 31;
	};
}

/** `rows` × `cols` cells over chapters of 1 to 5 criteria, some of them small groups or empty. */
function sample(seed: number, rowCount: number, colCount: number, long = false): HeatmapCell[] {
	const next = random(seed);
	const cells: HeatmapCell[] = [];
	let chapter = 1;
	const cols = Array.from({ length: colCount }, (_, i) => {
		if (i > 0 && next() < 0.3) chapter++;
		return { id: `${chapter}.${i + 1}`, group: String(chapter), position: i };
	});
	for (let r = 0; r < rowCount; r++) {
		const label = long && r === 1 ? `Mission Locale ${'très '.repeat(40)}longue` : `ARML n° ${r} — région`;
		for (const col of cols) {
			if (next() < 0.05) continue;
			const n = Math.floor(next() * 12);
			const mean = 1 + next() * 3;
			cells.push({
				phase: 'audit',
				row_id: `r${r}`,
				row_label: label,
				row_overall: r % 4 === 3 ? null : 1 + next() * 3,
				row_overall_n: 4 + r,
				row_mls: 10,
				row_assessed: 10,
				col_id: col.id,
				col_label: long && col.position === 0 ? 'Un libellé de critère bien trop long' : `Crit. ${col.id}`,
				col_title: `Titre ${col.id}`,
				group_id: col.group,
				group_label:
					col.group === '2' ? 'Chapitre aux mots nombreux et longs' : `Chapitre ${col.group} de la charte`,
				col_position: col.position,
				mean,
				share: next(),
				n
			});
		}
	}
	return cells;
}

const options: HeatmapModelOptions = {
	metric: 'mean',
	rows: 'arml',
	threshold: 3,
	maxLevel: 4,
	sort: 'overall'
};

/** An element's font size: its own or an ancestor's, Plot's style on the root taking precedence. */
function fontSize(el: Element): number {
	for (let node: Element | null = el; node; node = node.parentElement) {
		const style = node.getAttribute('style')?.match(/font-size:\s*([\d.]+)px/);
		if (style) return Number(style[1]);
		const attr = node.getAttribute('font-size');
		if (attr) return Number(attr);
	}
	return 16;
}

/** A length attribute in pixels (`0.32em` at the element's font size). */
const length = (el: Element, name: string) => {
	const value = el.getAttribute(name) ?? '0';
	return value.endsWith('em') ? Number(value.slice(0, -2)) * fontSize(el) : Number(value);
};

/** Where a text's first glyph sits on the chart, whatever mix of transforms and offsets places it. */
function place(text: Element): [number, number] {
	let [x, y] = [length(text, 'x'), length(text, 'y') + length(text, 'dy')];
	// A first line's own x and y replace its text's; its dy moves it further.
	const span = text.querySelector('tspan');
	if (span?.hasAttribute('x')) x = length(span, 'x');
	if (span?.hasAttribute('y')) y = length(span, 'y');
	if (span) y += length(span, 'dy');
	for (
		let node: Element | null = text;
		node && node.tagName.toLowerCase() !== 'svg';
		node = node.parentElement
	) {
		const move = node.getAttribute('transform')?.match(/translate\(([-\d.]+),([-\d.]+)\)/);
		if (move) [x, y] = [x + Number(move[1]), y + Number(move[2])];
	}
	return [x, y];
}

/** The positions of `features`, set apart: each drawing rounds them to a hundredth its own way. */
function positions(drawn: ReturnType<typeof features>): { rest: unknown; at: number[] } {
	const at: number[] = [];
	const strip = (list: { at: [number, number] }[]) =>
		list.map(({ at: [x, y], ...rest }) => (at.push(x, y), rest));
	const { values, rowLabels, colLabels, chapters, ...others } = drawn;
	const rest = { ...others, texts: [values, rowLabels, colLabels, chapters].map(strip) };
	return { rest, at };
}

/** Everything a reader sees or hears of a drawn heatmap, positions included. */
function features(svg: Element) {
	const texts = (selector: string) =>
		[...svg.querySelectorAll(selector)]
			.filter((t) => t.textContent)
			.map((t) => ({
				at: place(t),
				lines: t.querySelectorAll('tspan').length
					? [...t.querySelectorAll('tspan')].map((s) => s.textContent)
					: [t.firstChild?.nodeType === 3 ? t.firstChild.textContent : t.lastChild?.textContent],
				title: t.querySelector('title')?.textContent ?? null,
				fill: t.getAttribute('fill') ?? t.parentElement!.getAttribute('fill'),
				size: fontSize(t),
				anchor: t.closest('[text-anchor]')?.getAttribute('text-anchor'),
				rotate: t.getAttribute('transform')?.includes('rotate(-45)') ?? false
			}));
	const rects = [...svg.querySelectorAll('rect')].map((r) =>
		Object.fromEntries(
			[
				'x',
				'y',
				'width',
				'height',
				'fill',
				'aria-label',
				'role',
				'tabindex',
				'data-row',
				'data-col',
				'data-r',
				'data-c'
			].map((name) => [name, r.getAttribute(name)])
		)
	);
	return {
		size: [Number(svg.getAttribute('width')), Math.round(Number(svg.getAttribute('height')) * 10) / 10],
		role: svg.getAttribute('role'),
		rects,
		values: texts('g[pointer-events="none"] text'),
		rowLabels: texts('g[data-axis="y"] text'),
		colLabels: texts('g:not([data-axis]):not([pointer-events]):not([font-weight]) > text'),
		chapters: texts('g[font-weight="bold"] > text'),
		hidden: [...svg.querySelectorAll('g[aria-hidden="true"]')].length
	};
}

function both(model: HeatmapModel, metric: Metric) {
	const document = buildDocument();
	const { cells, scale, rowOrder, colOrder } = model;
	const old = plotHeatmap(cells, { metric, scale, rowOrder, colOrder, document });
	const [chart] = heatmapNodes(model, metric);
	return { old: features(old), now: features(svgElement(document, chart)) };
}

describe('the heatmap drawn without Plot', () => {
	const cases: [string, HeatmapCell[], HeatmapModelOptions][] = [
		['4 ARML × 6 criteria', sample(1, 4, 6), options],
		['15 ARML × 24 criteria, by name', sample(2, 15, 24), { ...options, sort: 'name' }],
		['40 MLs × 24 criteria, shares', sample(3, 40, 24), { ...options, rows: 'ml', metric: 'share' }],
		['counts', sample(4, 12, 9), { ...options, metric: 'n' }],
		['long labels', sample(5, 6, 10, true), options],
		['one cell', sample(6, 1, 1), options],
		['elements', sample(7, 20, 60), options]
	];
	for (const [name, rows, opts] of cases)
		it(`draws every cell, value and label where Plot drew them: ${name}`, () => {
			const { old, now } = both(heatmapModel(rows, opts), opts.metric);
			expect(now.rects.length).toBeGreaterThan(0);
			const [was, is] = [positions(old), positions(now)];
			expect(is.rest).toEqual(was.rest);
			expect(is.at).toHaveLength(was.at.length);
			is.at.forEach((v, i) => expect(Math.abs(v - was.at[i])).toBeLessThanOrEqual(0.02));
		});

	it('writes each cell once: its colour, its value or « n<3 », its name and its place', () => {
		const rows = sample(8, 3, 4);
		rows[0] = { ...rows[0], n: MIN_N - 1, mean: 3.5 };
		const model = heatmapModel(rows, options);
		const svg = heatmapSvg(model, 'mean');
		expect(svg.match(/<rect /g)).toHaveLength(model.cells.length);
		expect(svg.match(/role="button"/g)).toHaveLength(model.cells.length);
		expect(svg.match(/tabindex="0"/g)).toHaveLength(1);
		for (const cell of model.cells) {
			const rect = svg.match(
				new RegExp(`<rect [^>]*data-row="${cell.rowId}" data-col="${cell.colId}"[^>]*>`)
			)![0];
			expect(rect).toContain(`aria-label="${cell.description}"`);
			expect(rect).toContain(cell.masked ? 'fill="#d4d4d4"' : 'fill="#');
		}
		expect(svg).toContain(`>${MASKED_LABEL.replace('<', '&lt;')}</text>`);
		expect(svg).toContain(`>${model.scale.format(model.cells[1].value!)}</text>`);
		// No Plot left: no style block, no class of its own, no per-cell style.
		expect(svg).not.toMatch(/<style|plot-|style="/);
		// Cells have one name, no tooltip repeating it; the axes are hidden.
		expect(svg).not.toMatch(/<rect[^>]*>\s*<title>/);
	});

	it('writes the same markup as the elements it builds, and escapes what it writes', () => {
		const rows = sample(9, 2, 3).map((r) => ({ ...r, row_label: 'A & B <i>"x"</i>' }));
		const [chart] = heatmapNodes(heatmapModel(rows, options), 'mean');
		const holder = buildDocument().createElement('div');
		holder.innerHTML = svgMarkup(chart);
		expect(holder.querySelector('g[data-axis="y"] text')!.textContent).toBe('A & B <i>"x"</i>');
		expect(holder.querySelector('rect')!.getAttribute('aria-label')).toMatch(/^A & B <i>"x"<\/i>, /);
	});

	it('places n bands as d3 with Plot’s padding does', () => {
		expect(bands(3, 72, 174)).toMatchObject({ width: 29 });
		expect([0, 1, 2].map(bands(3, 72, 174).start)).toEqual([77, 109, 141]);
		expect([0, 1].map(bands(2, 39, 95).start)).toEqual([42, 68]);
	});
});
