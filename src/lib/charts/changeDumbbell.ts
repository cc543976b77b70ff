import * as Plot from '@observablehq/plot';
import type { CriterionChange } from '../model/rows';
import { formatLevel2, numberTick } from '../format';
import { criterionLabel, formatDelta, labelMargin } from './criterionAxis';
import { isNarrow, labelsAbove, NARROW_ROW, valuesAbove } from './narrow';

/** Trend colours (mid-tones, readable on light and dark backgrounds); the trend is also written. */
export const TREND_COLORS = { progresse: '#8073ac', stagne: '#8c8c8c', recule: '#e08214' } as const;
export const TREND_LABELS = { progresse: 'progresse', stagne: 'stagne', recule: 'recule' } as const;

type Drawn = CriterionChange & {
	mean_from: number;
	mean_to: number;
	delta: number;
	trend: keyof typeof TREND_COLORS;
};

/**
 * A dumbbell per criterion: hollow dot at the mean of the first campaign, filled dot at the second,
 * an arrow between; the change and the trend written on the right. Criteria in the rows' order;
 * those scored in only one campaign are left out (the table lists them).
 */
export function changeDumbbellChart(
	rows: readonly CriterionChange[],
	options: { document: Document; from: number; to: number; width?: number }
): SVGSVGElement {
	const drawn = rows.filter(
		(r): r is Drawn => r.mean_from !== null && r.mean_to !== null && r.delta !== null && r.trend !== null
	);
	const order = drawn.map(criterionLabel);
	const color = (r: Drawn) => TREND_COLORS[r.trend];
	const values = drawn.flatMap((r) => [r.mean_from, r.mean_to]);
	const lo = Math.max(1, Math.floor((Math.min(...values, 4) - 0.1) * 2) / 2);
	const hi = Math.min(4, Math.ceil((Math.max(...values, 1) + 0.1) * 2) / 2);
	const narrow = isNarrow(options.width);
	const change = (r: Drawn) => `${formatDelta(r.delta)} ${TREND_LABELS[r.trend]}`;
	return Plot.plot({
		document: options.document,
		width: options.width ?? 900,
		height: 60 + drawn.length * (narrow ? NARROW_ROW : 24),
		marginLeft: narrow ? 20 : labelMargin(order),
		marginRight: narrow ? 20 : 130,
		marginTop: 36,
		style: { background: 'transparent', fontSize: '12px' },
		x: {
			label: 'Score moyen',
			domain: [lo, Math.max(hi, lo + 0.5)],
			grid: true,
			axis: 'top',
			tickFormat: numberTick
		},
		y: narrow ? { domain: order, label: null, axis: null, padding: 0.5 } : { domain: order, label: null },
		marks: [
			narrow
				? labelsAbove(order, (d) => d, options.width!, { className: 'criterion-axis', reserve: 110 })
				: Plot.axisY({ tickSize: 0, label: null, className: 'criterion-axis' }),
			Plot.link(drawn, {
				x1: 'mean_from',
				x2: 'mean_to',
				y1: criterionLabel,
				y2: criterionLabel,
				stroke: color,
				strokeWidth: 2,
				markerEnd: 'arrow'
			}),
			Plot.dot(drawn, {
				x: 'mean_from',
				y: criterionLabel,
				r: 4,
				stroke: 'currentColor',
				fill: 'none',
				title: (r: Drawn) => `${criterionLabel(r)} — ${options.from} : ${formatLevel2(r.mean_from)}`
			}),
			Plot.dot(drawn, {
				x: 'mean_to',
				y: criterionLabel,
				r: 4.5,
				fill: color,
				stroke: 'currentColor',
				strokeWidth: 0.75,
				title: (r: Drawn) =>
					`${criterionLabel(r)} — ${options.to} : ${formatLevel2(r.mean_to)} (${formatDelta(r.delta)}, ${TREND_LABELS[r.trend]})`
			}),
			narrow
				? valuesAbove(drawn, { y: criterionLabel, text: change, className: 'delta' })
				: Plot.text(drawn, {
						y: criterionLabel,
						frameAnchor: 'right',
						dx: 10,
						textAnchor: 'start',
						text: change,
						fill: 'currentColor',
						className: 'delta'
					})
		]
	}) as SVGSVGElement;
}
