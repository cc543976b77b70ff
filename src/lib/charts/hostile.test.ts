import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { cutText } from '../format/text';
import type { HeatmapCell, PairedRow } from '../model/rows';
import { buildDocument } from '../server/svg';
import { heatmapSvg } from './heatmap';
import { heatmapModel } from './heatmapModel';
import { pairedDumbbellChart } from './pairedDumbbell';

// Text from data reaches the page as SVG markup through {@html} (PlotChart, Heatmap, MapSection):
// the markup is always a DOM serialisation (outerHTML), which escapes text and attributes, so a
// hostile name comes back as text, never as an element or an attribute.
const HOSTILE = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(2)>',
	"'><svg onload=alert(3)>",
	'</text><foreignObject><iframe src="javascript:alert(4)"></iframe></foreignObject>',
	'&lt;b&gt; & « Saint-Étienne »'
];

/** Parses markup as the browser's {@html} would, and lists what it holds. */
function parsed(markup: string) {
	const { document } = parseHTML(`<!doctype html><html><body><div>${markup}</div></body></html>`);
	const body = document.querySelector('div')!;
	const attributes = [...body.querySelectorAll('*')].flatMap((el) => el.getAttributeNames());
	return {
		elements: new Set([...body.querySelectorAll('*')].map((el) => el.localName)),
		attributes: new Set(attributes),
		text: body.textContent ?? ''
	};
}

function expectInert(markup: string) {
	const { elements, attributes, text } = parsed(markup);
	for (const name of ['script', 'img', 'iframe', 'foreignObject', 'foreignobject'])
		expect(elements).not.toContain(name);
	for (const name of attributes) expect(name).not.toMatch(/^on/);
	// As text, cut where a chart cuts a long value.
	for (const value of HOSTILE) expect(text).toContain(cutText(value));
}

const cell = (row: string, label: string, col: string, colLabel: string): HeatmapCell => ({
	phase: 'audit',
	row_id: row,
	row_label: label,
	row_overall: 3,
	row_overall_n: 10,
	row_mls: 1,
	row_assessed: 1,
	col_id: col,
	col_label: colLabel,
	col_title: colLabel,
	group_id: '1',
	group_label: 'Chapitre 1',
	col_position: 1,
	mean: 3,
	share: 1,
	n: 1
});

describe('text from data in charts', () => {
	it('stays text in the heatmap’s row labels, titles and cells', () => {
		const cells = HOSTILE.map((label, i) => cell(`ml-${i}`, label, `1.${i}`, label));
		const model = heatmapModel(cells, {
			metric: 'mean',
			rows: 'ml',
			threshold: 3,
			maxLevel: 4,
			sort: 'name'
		});
		expectInert(heatmapSvg(model, 'mean'));
	});

	it('stays text in the paired dumbbell’s labels, in the browser and in linkedom', () => {
		const rows: PairedRow[] = HOSTILE.map((label) => ({
			kind: 'ml',
			id: label,
			label,
			self: 3,
			audit: 2,
			gap: 1,
			n: 5,
			arml_gap: null,
			arml_n: null,
			national_gap: null
		}));
		const svg = pairedDumbbellChart(rows, { document: buildDocument(), threshold: 3 });
		expectInert(svg.outerHTML);
	});
});
