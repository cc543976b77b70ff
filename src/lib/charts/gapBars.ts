import * as Plot from '@observablehq/plot';
import type { SelfAuditGap } from '../model/rows';
import { formatLevel2, signedTick } from '../format';
import { criterionLabel, formatDelta, labelMargin } from './criterionAxis';
import { isNarrow, labelsAbove, NARROW_ROW } from './narrow';

/** Gap colours (ColorBrewer PuOr ends, readable on light and dark backgrounds); the gap is also written. */
export const OVERRATES = '#e08214';
export const UNDERRATES = '#8073ac';

/**
 * Diverging bars, one per criterion in the rows' order: the mean gap between the self-assessment
 * and the audit of the same ML and campaign, right of 0 when the self-assessment is higher; the
 * gap is written at the end of each bar.
 */
export function gapBarsChart(
	rows: readonly SelfAuditGap[],
	options: { document: Document; width?: number }
): SVGSVGElement {
	const order = rows.map(criterionLabel);
	const reach = Math.max(0.25, ...rows.map((r) => Math.abs(r.gap))) * 1.3;
	const color = (r: SelfAuditGap) => (r.gap >= 0 ? OVERRATES : UNDERRATES);
	const narrow = isNarrow(options.width);
	return Plot.plot({
		document: options.document,
		width: options.width ?? 900,
		height: 60 + rows.length * (narrow ? NARROW_ROW : 24),
		marginLeft: narrow ? 16 : labelMargin(order),
		marginRight: narrow ? 16 : 40,
		marginTop: 36,
		style: { background: 'transparent', fontSize: '12px' },
		x: {
			label: narrow ? 'Auto-évaluation − audit (niveaux)' : 'Écart moyen auto-évaluation − audit (niveaux)',
			domain: [-reach, reach],
			grid: true,
			axis: 'top',
			tickFormat: signedTick
		},
		y: narrow ? { domain: order, label: null, axis: null, padding: 0.5 } : { domain: order, label: null },
		marks: [
			narrow
				? labelsAbove(order, (d) => d, options.width!, { className: 'criterion-axis' })
				: Plot.axisY({ tickSize: 0, label: null, className: 'criterion-axis' }),
			Plot.barX(rows, {
				x: 'gap',
				y: criterionLabel,
				fill: color,
				inset: 2,
				title: (r: SelfAuditGap) =>
					`${criterionLabel(r)} — auto-évaluation ${formatLevel2(r.mean_self)}, audit ${formatLevel2(r.mean_audit)} : écart ${formatDelta(r.gap)} (${r.pairs} paires)`
			}),
			Plot.ruleX([0], { stroke: 'currentColor' }),
			// dx and textAnchor are constants in Plot: one text mark per side of 0.
			...[true, false].map((above) =>
				Plot.text(
					rows.filter((r) => r.gap >= 0 === above),
					{
						x: 'gap',
						y: criterionLabel,
						text: (r: SelfAuditGap) => formatDelta(r.gap),
						dx: above ? 4 : -4,
						textAnchor: above ? 'start' : 'end',
						fill: 'currentColor',
						className: 'gap'
					}
				)
			)
		]
	}) as SVGSVGElement;
}
