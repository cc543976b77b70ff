import * as Plot from '@observablehq/plot';
import { cutText, formatLevel2, numberTick } from '../format';
import type { PairedRow } from '../model/rows';
import { isMasked } from '../model/smallGroups';
import { formatDelta, labelMargin, truncate } from './criterionAxis';
import { isNarrow, labelsAbove, NARROW_ROW, valuesAbove } from './narrow';

/** Self-assessment hollow and orange, audit filled and purple (PuOr ends, readable with colour-blindness). */
export const PAIRED_COLORS = { self: '#b35806', audit: '#542788' } as const;

/** `key` tells the rows apart (two Missions Locales may share a name, or its first 48 characters). */
type Drawn = PairedRow & { self: number; audit: number; gap: number; axis: string; key: string };

/** The rows a paired chart draws: both scores known, the ARML's line only over enough MLs. */
export function drawnPairs(rows: readonly PairedRow[]): Drawn[] {
	return rows
		.filter(
			(r): r is PairedRow & { self: number; audit: number; gap: number } =>
				r.self !== null && r.audit !== null && r.gap !== null && !(r.kind === 'arml' && isMasked(r.n))
		)
		.map((r, i) => ({
			...r,
			axis: r.kind === 'arml' || r.kind === 'nation' ? `▸ ${r.label}` : truncate(r.label, 48),
			key: `${i}`
		}));
}

/**
 * A dumbbell per line, rows aligned: hollow dot at the self-assessed score, filled dot at the
 * audited one, a segment between and the gap (self − audit) written on the right. The ARML's and
 * the nation's means come first, marked ▸; then the lines in the rows' order (by gap).
 */
export function pairedDumbbellChart(
	rows: readonly PairedRow[],
	options: { document: Document; threshold: number; width?: number }
): SVGSVGElement {
	const drawn = drawnPairs(rows);
	const references = drawn.filter((r) => r.kind === 'arml' || r.kind === 'nation');
	const order = [...references, ...drawn.filter((r) => !references.includes(r))].map((r) => r.key);
	const axisOf = new Map(drawn.map((r) => [r.key, r.axis]));
	const axis = (key: string) => axisOf.get(key) ?? '';
	const values = drawn.flatMap((r) => [r.self, r.audit]);
	const lo = Math.max(1, Math.floor((Math.min(...values, 4) - 0.1) * 2) / 2);
	const hi = Math.min(4, Math.ceil((Math.max(...values, 1) + 0.1) * 2) / 2);
	const title = (r: Drawn) =>
		`${cutText(r.label)} — auto-évaluation ${formatLevel2(r.self)}, audit ${formatLevel2(r.audit)} (écart ${formatDelta(r.gap)})`;
	const narrow = isNarrow(options.width);
	return Plot.plot({
		document: options.document,
		width: options.width ?? 900,
		height: 60 + order.length * (narrow ? NARROW_ROW : 22),
		marginLeft: narrow ? 20 : labelMargin(order.map(axis)),
		marginRight: narrow ? 20 : 70,
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
				? labelsAbove(order, axis, options.width!, { className: 'paired-axis', reserve: 50 })
				: Plot.axisY({ tickSize: 0, label: null, className: 'paired-axis', tickFormat: axis }),
			Plot.ruleX([options.threshold], { stroke: 'currentColor', strokeDasharray: '4 3', strokeOpacity: 0.6 }),
			Plot.link(drawn, {
				x1: 'self',
				x2: 'audit',
				y1: 'key',
				y2: 'key',
				stroke: '#8c8c8c',
				strokeWidth: 2
			}),
			Plot.dot(drawn, {
				x: 'self',
				y: 'key',
				r: 4.5,
				stroke: PAIRED_COLORS.self,
				strokeWidth: 2,
				fill: 'white',
				title
			}),
			Plot.dot(drawn, {
				x: 'audit',
				y: 'key',
				r: 4.5,
				fill: PAIRED_COLORS.audit,
				stroke: 'white',
				strokeWidth: 0.75,
				title
			}),
			narrow
				? valuesAbove(drawn, { y: (r) => r.key, text: (r) => formatDelta(r.gap), className: 'gap' })
				: Plot.text(drawn, {
						y: 'key',
						frameAnchor: 'right',
						dx: 10,
						textAnchor: 'start',
						text: (r: Drawn) => formatDelta(r.gap),
						fill: 'currentColor',
						className: 'gap'
					})
		]
	}) as SVGSVGElement;
}
