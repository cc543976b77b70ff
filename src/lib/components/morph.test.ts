import { describe, expect, it } from 'vitest';
import { buildDocument } from '../server/svg';
import { svgEl, svgMarkup } from '../charts/svgTree';
import { drawnKey, morphChildren, morphTree } from './morph';

function parse(doc: Document, html: string): Node[] {
	const box = doc.createElement('div');
	box.innerHTML = html;
	return [...box.childNodes];
}

/** The tree as text, attributes sorted: what the browser draws, whatever their order. */
function canonical(node: Node): string {
	if (node.nodeType !== 1) return node.nodeValue ?? '';
	const el = node as Element;
	const attrs = el
		.getAttributeNames()
		.sort()
		.map((name) => ` ${name}="${el.getAttribute(name)}"`)
		.join('');
	return `<${el.nodeName.toLowerCase()}${attrs}>${[...el.childNodes].map(canonical).join('')}</>`;
}

const canonicalHtml = (doc: Document, html: string) => parse(doc, html).map(canonical).join('');
const children = (node: Node) => [...node.childNodes].map(canonical).join('');

describe('morphChildren', () => {
	it('makes the live nodes equal to the new drawing and keeps the nodes of the same kind', () => {
		const doc = buildDocument();
		const live = doc.createElement('div');
		live.innerHTML =
			'<svg data-drawn="a" width="10"><g fill="red"><rect x="1" y="2"></rect><text>3,1</text></g><circle r="1"></circle></svg><p>x</p>';
		const rect = live.querySelector('rect');
		const next =
			'<svg data-drawn="b" height="5"><g fill="blue"><rect x="1" y="4" role="button"></rect><text>2,9</text></g><line x1="0"></line><line x1="1"></line></svg>';
		morphChildren(live, parse(doc, next));
		expect(children(live)).toBe(canonicalHtml(doc, next));
		// The same rect, moved and relabelled in place.
		expect(live.querySelector('rect')).toBe(rect);
		expect(drawnKey(live)).toBe('b');
	});

	it('empties the container for an empty drawing and fills an empty one', () => {
		const doc = buildDocument();
		const live = doc.createElement('div');
		live.innerHTML = '<svg><rect></rect></svg><svg class="row-labels"></svg>';
		morphChildren(live, []);
		expect(live.innerHTML).toBe('');
		expect(drawnKey(live)).toBeNull();
		morphChildren(live, parse(doc, '<svg data-drawn="k"><text>a</text></svg>'));
		expect(children(live)).toBe(canonicalHtml(doc, '<svg data-drawn="k"><text>a</text></svg>'));
	});
});

describe('morphTree', () => {
	const tree = (seed: number, rows: number) => {
		const rects = Array.from({ length: rows }, (_, i) =>
			svgEl('rect', {
				x: i * 10,
				fill: seed % 2 ? '#fff' : '#000',
				'data-r': i,
				...(seed % 3 ? {} : { tabindex: '0' })
			})
		);
		const texts = Array.from({ length: rows }, (_, i) => svgEl('text', { x: i }, [`${seed}-${i}`]));
		return [
			svgEl('svg', { width: 100 + seed }, [svgEl('g', {}, rects), svgEl('g', {}, texts)]),
			svgEl('svg', {}, ['x'])
		];
	};

	it('makes the live chart equal to the drawn tree, from any earlier drawing or placeholder', () => {
		const doc = buildDocument();
		const live = doc.createElement('div');
		live.innerHTML = '<svg aria-hidden="true" width="0" height="0"></svg><!---->';
		for (const [seed, rows] of [
			[1, 3],
			[2, 5],
			[3, 2],
			[4, 0],
			[5, 4]
		]) {
			morphTree(live, tree(seed, rows));
			expect(children(live)).toBe(canonicalHtml(doc, tree(seed, rows).map(svgMarkup).join('')));
		}
	});

	it('keeps the nodes of the same name and writes only the attributes that changed', () => {
		const doc = buildDocument();
		const live = doc.createElement('div');
		morphTree(live, tree(1, 3));
		const rect = live.querySelector('rect')!;
		const text = live.querySelector('text')!.firstChild!;
		const written: string[] = [];
		const setAttribute = rect.setAttribute.bind(rect);
		rect.setAttribute = (name: string, value: string) => (written.push(name), setAttribute(name, value));
		morphTree(live, tree(3, 3));
		expect(live.querySelector('rect')).toBe(rect);
		expect(live.querySelector('text')!.firstChild).toBe(text);
		expect(written).toEqual(['tabindex']);
		expect(text.nodeValue).toBe('3-0');
		// An attribute the new drawing does not have goes.
		morphTree(live, tree(1, 3));
		expect(rect.hasAttribute('tabindex')).toBe(false);
	});
});
