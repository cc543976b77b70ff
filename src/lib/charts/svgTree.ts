/**
 * A chart drawn as plain data: an SVG element is its tag, its attributes and its children (elements
 * or text). The same tree is written as markup at build time (no DOM needed) and applied to the
 * live chart in the browser (`components/morph.ts`), attribute by attribute.
 */
export type SvgNode = {
	tag: string;
	attrs: Record<string, string>;
	children: (SvgNode | string)[];
};

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An element; numeric attributes are written rounded to a hundredth of a pixel. */
export function svgEl(
	tag: string,
	attrs: Record<string, string | number | null | undefined>,
	children: (SvgNode | string)[] = []
): SvgNode {
	const written: Record<string, string> = {};
	for (const [name, value] of Object.entries(attrs))
		if (value !== null && value !== undefined)
			written[name] = typeof value === 'number' ? String(round2(value)) : value;
	return { tag, attrs: written, children };
}

/** Rounded to a hundredth: more digits move nothing on screen and weigh on the HTML. */
export function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** The tree as markup (HTML's serialisation of inline SVG: an empty element is closed at once). */
export function svgMarkup(node: SvgNode | string): string {
	if (typeof node === 'string') return escapeText(node);
	let out = `<${node.tag}`;
	for (const [name, value] of Object.entries(node.attrs)) out += ` ${name}="${escapeAttr(value)}"`;
	if (!node.children.length) return `${out}/>`;
	return `${out}>${node.children.map(svgMarkup).join('')}</${node.tag}>`;
}

/** The tree as elements of `document` (tests, and a chart drawn where no live copy exists). */
export function svgElement(document: Document, node: SvgNode): SVGElement {
	const el = document.createElementNS(SVG_NS, node.tag) as SVGElement;
	for (const [name, value] of Object.entries(node.attrs)) el.setAttribute(name, value);
	for (const child of node.children)
		el.append(typeof child === 'string' ? document.createTextNode(child) : svgElement(document, child));
	return el;
}
