import { FREE_TEXT_CHARS, SHOWN_CHARS, cutText } from '../format/text';
import { capTexts } from './capText';

/** What a chart exported for a slide carries around the chart itself. */
export type ExportFrame = {
	title: string;
	/** Active filters and campaign. */
	subtitle: string;
	/** Legend entries (colour and label), with the legend's caption; none when the chart labels itself. */
	legend: { caption: string | null; items: { color: string; label: string }[] };
	/** Source of the data and its date. */
	source: string;
};

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 16;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Rough width of a text line (no measuring: the same result in every browser). */
const textWidth = (text: string, size: number) => text.length * size * 0.56;

/** Splits a text into lines that fit `width` pixels at `size`. */
export function wrapText(text: string, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && textWidth(next, size) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

function el(document: Document, name: string, attrs: Record<string, string | number>): SVGElement {
	const node = document.createElementNS(SVG_NS, name) as SVGElement;
	for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
	return node;
}

function text(
	document: Document,
	x: number,
	y: number,
	content: string,
	attrs: Record<string, string | number>
) {
	const node = el(document, 'text', { x, y, ...attrs });
	node.textContent = content;
	return node;
}

/** The chart's drawn extent, labels drawn outside its box (overflow: visible) included. */
function extent(svg: SVGSVGElement): { x: number; y: number; width: number; height: number } {
	const width = svg.width.baseVal.value || svg.getBoundingClientRect().width;
	const height = svg.height.baseVal.value || svg.getBoundingClientRect().height;
	let box = { x: 0, y: 0, width, height };
	try {
		const b = svg.getBBox();
		const x = Math.floor(Math.min(0, b.x));
		const y = Math.floor(Math.min(0, b.y));
		box = {
			x,
			y,
			width: Math.ceil(Math.max(width, b.x + b.width) - x),
			height: Math.ceil(Math.max(height, b.y + b.height) - y)
		};
	} catch {
		// Not laid out (detached): its own box.
	}
	return box;
}

/**
 * A standalone SVG for a slide: title, subtitle, legend, the chart whole (labels past its edges
 * included), and the source line. Colours are resolved from the page's current theme.
 */
export function composeExport(
	svg: SVGSVGElement,
	frame: ExportFrame
): { markup: string; width: number; height: number } {
	const document = svg.ownerDocument;
	const page = getComputedStyle(document.body);
	const colors = {
		bg: page.backgroundColor,
		fg: page.color,
		muted: cssVar(document, '--muted') || page.color
	};
	const box = extent(svg);
	const width = Math.max(box.width, 560) + 2 * PAD;
	const room = width - 2 * PAD;
	const root = el(document, 'svg', { xmlns: SVG_NS, 'font-family': FONT });
	let y = PAD;

	const lines = (content: string, size: number, attrs: Record<string, string | number>) => {
		for (const line of wrapText(content, size, room)) {
			y += size * 1.25;
			root.append(text(document, PAD, y, line, { 'font-size': size, ...attrs }));
		}
	};
	// Texts around the chart are cut like the chart's own: a title or filter from the data must
	// not wrap into thousands of lines.
	lines(cutText(frame.title, FREE_TEXT_CHARS), 20, { 'font-weight': 'bold', fill: colors.fg });
	lines(cutText(frame.subtitle, FREE_TEXT_CHARS), 13, { fill: colors.muted });
	y += 8;

	if (frame.legend.items.length) {
		if (frame.legend.caption) lines(cutText(frame.legend.caption, FREE_TEXT_CHARS), 12, { fill: colors.fg });
		let x = PAD;
		y += 4;
		for (const { color, label: full } of frame.legend.items) {
			const item = { color, label: cutText(full, SHOWN_CHARS) };
			const w = 18 + textWidth(item.label, 12) + 16;
			if (x > PAD && x + w > width - PAD) {
				x = PAD;
				y += 20;
			}
			root.append(
				el(document, 'rect', {
					x,
					y,
					width: 14,
					height: 12,
					fill: item.color,
					stroke: colors.fg,
					'stroke-width': 0.5
				})
			);
			root.append(text(document, x + 18, y + 10.5, item.label, { 'font-size': 12, fill: colors.fg }));
			x += w;
		}
		y += 24;
	}

	const chart = capTexts(svg.cloneNode(true) as SVGSVGElement);
	chart.querySelectorAll('[tabindex]').forEach((node) => node.removeAttribute('tabindex'));
	for (const [k, v] of Object.entries({
		x: PAD,
		y,
		width: box.width,
		height: box.height,
		viewBox: `${box.x} ${box.y} ${box.width} ${box.height}`
	}))
		chart.setAttribute(k, String(v));
	chart.setAttribute('style', `color:${colors.fg};background:transparent;overflow:visible`);
	root.append(chart);
	y += box.height + 8;

	lines(cutText(frame.source, FREE_TEXT_CHARS), 11, { fill: colors.muted });
	const height = Math.ceil(y + PAD);
	root.setAttribute('width', String(width));
	root.setAttribute('height', String(height));
	root.setAttribute('viewBox', `0 0 ${width} ${height}`);
	root.insertBefore(el(document, 'rect', { width, height, fill: colors.bg }), root.firstChild);
	return {
		markup: resolveColors(document, new XMLSerializer().serializeToString(root), colors.fg),
		width,
		height
	};
}

function cssVar(document: Document, name: string): string {
	return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** A file has no page around it: `currentColor` and CSS variables become the theme's colours. */
function resolveColors(document: Document, markup: string, fg: string): string {
	return markup
		.replaceAll('currentColor', fg)
		.replace(
			/var\((--[\w-]+)(?:,\s*([^)]+))?\)/g,
			(_, name: string, fallback?: string) => cssVar(document, name) || fallback?.trim() || fg
		);
}

/** Renders an exported SVG to PNG bytes at twice its size (sharp on a slide). */
export async function pngBlob(exported: { markup: string; width: number; height: number }): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([exported.markup], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.ceil(exported.width * 2);
		canvas.height = Math.ceil(exported.height * 2);
		const context = canvas.getContext('2d')!;
		context.scale(2, 2);
		context.drawImage(image, 0, 0, exported.width, exported.height);
		return await new Promise((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG impossible'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
