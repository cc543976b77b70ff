import { describe, expect, it } from 'vitest';
import { buildDocument } from '../server/svg';
import { drawnKey, morphChildren } from './morph';

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
