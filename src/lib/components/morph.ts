/**
 * Redraws a chart in place: the live nodes take the attributes and text of a new drawing, position
 * by position, and only nodes of another kind are replaced. A filter change mostly moves and
 * recolours the same marks (a heatmap keeps its rows and columns), so the browser restyles and lays
 * out what changed instead of the whole chart, and parses no markup (issue 12: replacing the
 * ARML heatmap's 2 000 nodes as HTML was a third of a filter change).
 */

import { chartDocument } from '$lib/charts/document';
import { svgElement, svgMarkup, type SvgNode } from '$lib/charts/svgTree';

const ELEMENT = 1;
const PLACEHOLDER = '<svg aria-hidden="true" width="0" height="0"></svg>';

/**
 * The markup of a chart component's `{@html}`. The HTML carries the chart drawn at build time, and
 * hydration adopts it as it is (the placeholder stands for it meanwhile); in the browser the chart
 * is then redrawn in place (`morphChildren`), never as markup to parse.
 */
export function chartMarkup(draw: (doc: Document) => Element[]): string {
	if (typeof document !== 'undefined')
		return document.documentElement.dataset.hydrated !== 'true' ? PLACEHOLDER : '';
	const doc = chartDocument();
	const svgs = doc ? draw(doc) : [];
	return svgs.length ? svgs.map((svg) => svg.outerHTML).join('') : PLACEHOLDER;
}

/** Makes `parent`'s children equal to `next` (nodes of another document are adopted as needed). */
export function morphChildren(parent: Node, next: readonly Node[]): void {
	let live = parent.firstChild;
	for (const node of next) {
		if (!live) {
			parent.appendChild(node);
			continue;
		}
		const following: ChildNode | null = live.nextSibling;
		if (live.nodeType === node.nodeType && live.nodeName === node.nodeName) morphNode(live, node);
		else parent.replaceChild(node, live);
		live = following;
	}
	while (live) {
		const following: ChildNode | null = live.nextSibling;
		parent.removeChild(live);
		live = following;
	}
}

/** Makes `live` (of the same type and name as `next`) equal to `next`. */
function morphNode(live: Node, next: Node): void {
	if (live.nodeType !== ELEMENT) {
		if (live.nodeValue !== next.nodeValue) live.nodeValue = next.nodeValue;
		return;
	}
	const from = live as Element;
	const to = next as Element;
	// Attribute names, not `attributes`: each Attr object read would be created for the occasion.
	const names = to.getAttributeNames();
	// Plot writes no namespaced attribute (`xlink:href`…); one would be replaced with its element.
	if (names.some((name) => name.includes(':'))) return void from.replaceWith(to);
	for (const name of names) {
		const value = to.getAttribute(name)!;
		if (from.getAttribute(name) !== value) from.setAttribute(name, value);
	}
	for (const name of from.getAttributeNames()) if (!to.hasAttribute(name)) from.removeAttribute(name);
	morphChildren(from, [...to.childNodes]);
}

/** The key a chart's drawing was made for (`data-drawn` on its first element), if any. */
export function drawnKey(container: Element): string | null {
	return container.firstElementChild?.getAttribute('data-drawn') ?? null;
}

/** The markup of a chart component whose drawing is a tree (`charts/svgTree.ts`): as `chartMarkup`. */
export function treeMarkup(draw: () => (SvgNode | string)[]): string {
	if (typeof document !== 'undefined')
		return document.documentElement.dataset.hydrated !== 'true' ? PLACEHOLDER : '';
	const nodes = draw();
	return nodes.length ? nodes.map(svgMarkup).join('') : PLACEHOLDER;
}

/**
 * Makes `parent`'s children equal to a drawn tree, position by position: an element of the same
 * name keeps its node and takes the new attributes and children; only what differs is written. No
 * detached copy of the chart is built (a heatmap's 2 000 nodes, redrawn on every filter change).
 */
export function morphTree(parent: Node, next: readonly (SvgNode | string)[]): void {
	const doc = parent.ownerDocument!;
	let live = parent.firstChild;
	for (const node of next) {
		if (!live) {
			parent.appendChild(created(doc, node));
			continue;
		}
		const following: ChildNode | null = live.nextSibling;
		if (typeof node === 'string') {
			if (live.nodeType === TEXT) {
				if (live.nodeValue !== node) live.nodeValue = node;
			} else parent.replaceChild(doc.createTextNode(node), live);
		} else if (live.nodeType === ELEMENT && (live as Element).localName === node.tag)
			patch(live as Element, node);
		else parent.replaceChild(created(doc, node), live);
		live = following;
	}
	while (live) {
		const following: ChildNode | null = live.nextSibling;
		parent.removeChild(live);
		live = following;
	}
}

const TEXT = 3;

function created(doc: Document, node: SvgNode | string): Node {
	return typeof node === 'string' ? doc.createTextNode(node) : svgElement(doc, node);
}

/** Makes `el` (of the node's name) carry exactly the node's attributes and children. */
function patch(el: Element, node: SvgNode): void {
	let count = 0;
	for (const name in node.attrs) {
		const value = node.attrs[name];
		if (el.getAttribute(name) !== value) el.setAttribute(name, value);
		count++;
	}
	// Only when it has more attributes than the node does one need going.
	if (el.attributes.length !== count)
		for (const name of el.getAttributeNames()) if (!(name in node.attrs)) el.removeAttribute(name);
	morphTree(el, node.children);
}
