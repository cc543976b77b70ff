import * as Plot from '@observablehq/plot';
import type { ElementMean } from '../model/rows';
import { formatInteger, formatLevel2, numberTick } from '../format';
import { labelMargin, truncate } from './criterionAxis';
import { isNarrow, labelsAbove, NARROW_ROW } from './narrow';

const BELOW = '#e08214';
const ABOVE = '#8073ac';

/**
 * Horizontal bars from level 1 to each element's mean level, in the rows' (weakest first) order,
 * with the threshold as a dashed rule; the mean is written at the end of each bar.
 */
export function elementBarsChart(
	rows: readonly ElementMean[],
	options: { document: Document; threshold: number; maxLevel: number; width?: number }
): SVGSVGElement {
	const label = (r: ElementMean) => `${r.element_id} ${truncate(r.text, 48)}`;
	const order = rows.map(label);
	const narrow = isNarrow(options.width);
	return Plot.plot({
		document: options.document,
		width: options.width ?? 900,
		height: 70 + rows.length * (narrow ? NARROW_ROW : 30),
		marginLeft: narrow ? 12 : labelMargin(order, 12, 380),
		marginRight: narrow ? 40 : 60,
		marginTop: 36,
		style: { background: 'transparent', fontSize: '12px' },
		x: {
			label: 'Niveau moyen des éléments',
			domain: [1, options.maxLevel],
			grid: true,
			axis: 'top',
			tickFormat: numberTick
		},
		y: narrow ? { domain: order, label: null, axis: null, padding: 0.5 } : { domain: order, label: null },
		marks: [
			narrow
				? labelsAbove(order, (d) => d, options.width!, { className: 'element-axis' })
				: Plot.axisY({ tickSize: 0, label: null, className: 'element-axis' }),
			Plot.barX(rows, {
				x1: () => 1,
				x2: 'mean',
				y: label,
				fill: (r: ElementMean) => (r.mean < options.threshold ? BELOW : ABOVE),
				inset: 3,
				title: (r: ElementMean) =>
					`${r.element_id} ${r.text} — niveau moyen ${formatLevel2(r.mean)} (n = ${formatInteger(r.n)})`
			}),
			Plot.ruleX([options.threshold], { stroke: 'currentColor', strokeDasharray: '4,3' }),
			Plot.text(rows, {
				x: 'mean',
				y: label,
				dx: 4,
				textAnchor: 'start',
				text: (r: ElementMean) => formatLevel2(r.mean),
				fill: 'currentColor',
				className: 'element-mean'
			})
		]
	}) as SVGSVGElement;
}
