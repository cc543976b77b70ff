import * as Plot from '@observablehq/plot';
import { formatSigned2, signedTick } from '../format';
import { isNarrow, labelsAbove, NARROW_ROW } from './narrow';

/** One bar: a criterion and the gap of a group's mean to a reference mean. */
export type GapBar = {
	id: string;
	/** Axis label, e.g. "3.3 Observatoire". */
	label: string;
	/** Group mean − reference mean; null when the group has no score. */
	gap: number | null;
	/** The sentence a screen reader and the tooltip give. */
	description: string;
};

export type NationGapOptions = { document: Document; width?: number };

// ColorBrewer PuOr ends, readable with colour-blindness and on light and dark backgrounds;
// the sign is also written and the bars run left or right of the axis.
export const GAP_BELOW = '#b35806';
export const GAP_ABOVE = '#8073ac';

/** A gap in levels with its sign and two decimals, e.g. "+0,33", "−0,46"; "–" when empty. */
export const formatGap = formatSigned2;

/** Rough width of a label in pixels (no DOM measuring at build time). */
const textWidth = (text: string, size = 12) => text.length * size * 0.55;

/**
 * Diverging bars: one row per criterion, bars left of 0 (orange) below the reference and right of
 * 0 (purple) above it, each value written at the end of its bar.
 */
export function nationGapChart(bars: GapBar[], options: NationGapOptions): SVGSVGElement {
	const drawn = bars.filter((b) => b.gap !== null);
	const extent = Math.max(0.25, ...drawn.map((b) => Math.abs(b.gap!)));
	const reach = extent * 1.35;
	const marginLeft = Math.min(300, Math.max(80, ...bars.map((b) => textWidth(b.label))) + 12);
	const narrow = isNarrow(options.width);
	const rowHeight = narrow ? NARROW_ROW : 22;
	const labelOf = (id: string) => bars.find((b) => b.id === id)?.label ?? id;
	return Plot.plot({
		document: options.document,
		width: options.width ?? 900,
		height: 60 + bars.length * rowHeight,
		marginLeft: narrow ? 16 : marginLeft,
		marginRight: narrow ? 16 : 20,
		marginTop: 50,
		style: { background: 'transparent', fontSize: '12px', overflow: 'visible' },
		x: {
			domain: [-reach, reach],
			label: narrow
				? '← sous la nation · écart · au-dessus →'
				: '← en dessous de la moyenne nationale · écart en niveaux · au-dessus →',
			labelAnchor: 'center',
			tickFormat: signedTick,
			grid: true,
			axis: 'top'
		},
		y: narrow
			? { domain: bars.map((b) => b.id), label: null, axis: null, padding: 0.5 }
			: { domain: bars.map((b) => b.id), tickFormat: labelOf, label: null, tickSize: 0 },
		marks: [
			narrow
				? labelsAbove(
						bars.map((b) => b.id),
						labelOf,
						options.width!
					)
				: null,
			Plot.barX(drawn, {
				x: 'gap',
				y: 'id',
				fill: (b: GapBar) => (b.gap! < 0 ? GAP_BELOW : GAP_ABOVE),
				inset: 2,
				title: (b: GapBar) => b.description,
				ariaLabel: (b: GapBar) => b.description
			}),
			Plot.ruleX([0], { stroke: 'currentColor', strokeWidth: 1.5, ariaHidden: 'true' }),
			// dx and textAnchor are constants in Plot: one text mark per side of 0.
			...[true, false].map((above) =>
				Plot.text(
					drawn.filter((b) => b.gap! >= 0 === above),
					{
						x: 'gap',
						y: 'id',
						text: (b: GapBar) => formatGap(b.gap),
						dx: above ? 4 : -4,
						textAnchor: above ? 'start' : 'end',
						fill: 'currentColor',
						fontSize: 11,
						ariaHidden: 'true',
						className: 'gap-value'
					}
				)
			),
			Plot.text(
				bars.filter((b) => b.gap === null),
				{ x: 0, y: 'id', text: () => 'non évalué', dx: 4, textAnchor: 'start', fill: 'currentColor' }
			)
		]
	}) as SVGSVGElement;
}
