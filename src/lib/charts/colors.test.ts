import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StepCount } from '../model/rows';
import { buildDocument } from '../server/svg';
import { STEP_COLORS } from '../labels';
import { BACKGROUNDS, colorScale, SERIES } from './colors';
import { contrast, textOn } from './contrast';
import { heatmapChart, type HeatCell } from './heatmap';
import { svgElement } from './svgTree';
import { LEVEL_COLORS } from './levelBars';
import { stepsChart } from './steps';

const SCHEMES = ['light', 'dark'] as const;
const scales = {
	mean: colorScale('mean', 3, 4),
	share: colorScale('share', 3, 4),
	n: colorScale('n', 3, 4, 120)
};
const css = readFileSync(new URL('../../app.css', import.meta.url), 'utf8');
const darkCss = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));

describe('contrast', () => {
	it('computes the WCAG ratio: 21 for black on white, 1 for a colour on itself', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrast('#7a6da3', '#7a6da3')).toBe(1);
		expect(contrast('#e08214', '#ffffff')).toBeCloseTo(2.85, 2);
	});
});

// In-chart text is drawn in fixed colours on fixed fills, the same in both schemes; the schemes
// change only the page around it (checked below with the series).
describe('text written on a fill (RGAA 3.2)', () => {
	for (const [metric, scale] of Object.entries(scales))
		it(`reaches 4.5:1 on every fill of the ${metric} heatmap scale`, () => {
			for (const fill of scale.colors)
				expect(contrast(fill, scale.textOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
		});

	it('reaches 4.5:1 on every step and every level bar', () => {
		for (const fill of [...Object.values(STEP_COLORS), ...LEVEL_COLORS])
			expect(contrast(fill, textOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
	});

	it('is drawn in the colour chosen for its fill, cell by cell, in the heatmap', () => {
		const scale = scales.mean;
		const cells: HeatCell[] = [1, 1.6, 2.2, 2.8, 3, 3.3, 3.6, 4].map((value, i) => ({
			rowId: `r${i}`,
			rowLabel: `Ligne ${i}`,
			colId: '1.1',
			colLabel: 'Colonne',
			colTitle: 'Titre',
			groupId: '1',
			groupLabel: 'Chapitre',
			value,
			n: 10,
			masked: false,
			description: `cellule ${i}`
		}));
		const [chart] = heatmapChart(cells, {
			metric: 'mean',
			scale,
			rowOrder: cells.map((c) => c.rowId),
			colOrder: ['1.1']
		});
		const svg = svgElement(buildDocument(), chart);
		const fills = [...svg.querySelectorAll('rect[data-row]')].map((r) => r.getAttribute('fill')!);
		const texts = [...svg.querySelectorAll('text')].filter((t) => /^\d,\d+$/.test(t.textContent ?? ''));
		expect(new Set(fills).size).toBe(scale.colors.length);
		expect(texts).toHaveLength(fills.length);
		texts.forEach((t, i) =>
			// A value's text takes its own colour, or its group's (the one most values take).
			expect(
				contrast(fills[i], t.getAttribute('fill') ?? t.parentElement!.getAttribute('fill')!),
				fills[i]
			).toBeGreaterThanOrEqual(4.5)
		);
	});

	it('is drawn in the colour chosen for its fill in the stacked step bars', () => {
		const rows: StepCount[] = Object.keys(STEP_COLORS).map((step) => ({
			arml_code: '01',
			arml_nom: 'ARML Test',
			step,
			n: 10
		}));
		const svg = stepsChart(rows, { document: buildDocument() });
		const bars = [...svg.querySelectorAll('rect')].map((r) => r.getAttribute('fill'));
		const labels = [...svg.querySelectorAll('text')].filter((t) => t.textContent === '10');
		expect(labels.length).toBeGreaterThan(0);
		for (const fill of new Set(bars.filter((f): f is string => !!f && f.startsWith('#'))))
			expect(labels.some((t) => t.getAttribute('fill') === textOn(fill))).toBe(true);
	});
});

describe('the focus ring of a heatmap cell (RGAA 10.7)', () => {
	it('has one of its two colours at 3:1 or more against every fill', () => {
		const fills = [...Object.values(scales).flatMap((s) => s.colors), '#d4d4d4'];
		for (const fill of fills)
			expect(Math.max(contrast(fill, '#000000'), contrast(fill, '#ffffff')), fill).toBeGreaterThanOrEqual(3);
		expect(css).toMatch(
			/rect\[role='button'\]:focus-visible \{[^}]*outline: 3px solid #ffffff;[^}]*stroke: #000000/
		);
	});
});

describe('series drawn on the page (RGAA 3.2, 3.3)', () => {
	for (const scheme of SCHEMES)
		it(`contrast 4.5:1 with the ${scheme} background, as declared in app.css`, () => {
			const block = scheme === 'light' ? css.slice(0, css.indexOf('@media')) : darkCss;
			for (const [name, colors] of Object.entries(SERIES)) {
				expect(contrast(colors[scheme], BACKGROUNDS[scheme]), name).toBeGreaterThanOrEqual(4.5);
				expect(block).toContain(`--series-${name}: ${colors[scheme]};`);
			}
		});

	for (const scheme of SCHEMES)
		it(`field borders contrast 3:1 with the ${scheme} background`, () => {
			const block = scheme === 'light' ? css.slice(0, css.indexOf('@media')) : darkCss;
			const border = block.match(/--field-border: (#[0-9a-f]{6});/)![1];
			expect(contrast(border, BACKGROUNDS[scheme])).toBeGreaterThanOrEqual(3);
		});
});
