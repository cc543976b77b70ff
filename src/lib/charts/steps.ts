import * as Plot from '@observablehq/plot';
import type { StepCount } from '../model/rows';
import { STEP_COLORS, STEP_LABELS, STEP_ORDER } from '../labels';
import { textOn } from './contrast';
import { labelMargin } from './criterionAxis';
import { isNarrow, labelsAbove, NARROW_ROW } from './narrow';

/** Stacked bars: MLs at each labellisation step, one bar per ARML (national bar first). */
export function stepsChart(
	rows: StepCount[],
	options: { document: Document; width?: number }
): SVGSVGElement {
	const national = new Map<string, number>();
	for (const r of rows) national.set(r.step, (national.get(r.step) ?? 0) + r.n);
	const data = [
		...[...national].map(([step, n]) => ({ arml: 'Ensemble du réseau', step, n })),
		...rows.map((r) => ({ arml: r.arml_nom, step: r.step, n: r.n }))
	];
	const armls = [...new Set(rows.map((r) => r.arml_nom))].sort((a, b) => a.localeCompare(b, 'fr'));
	const totals = new Map<string, number>();
	for (const d of data) totals.set(d.arml, (totals.get(d.arml) ?? 0) + d.n);
	const share = (d: (typeof data)[number]) => d.n / (totals.get(d.arml) ?? 1);
	const order = (d: (typeof data)[number]) => STEP_ORDER.indexOf(d.step as (typeof STEP_ORDER)[number]);

	const rowsY = ['Ensemble du réseau', ...armls];
	const narrow = isNarrow(options.width);
	return Plot.plot({
		document: options.document,
		width: options.width ?? 900,
		height: 40 + rowsY.length * (narrow ? NARROW_ROW : 26),
		// Wide enough for « ARML Bourgogne-Franche-Comté » (measured at 13 px for a safety margin).
		marginLeft: narrow ? 8 : labelMargin(armls, 13),
		marginRight: 20,
		style: { background: 'transparent', fontSize: '12px' },
		x: { label: 'Part des Missions Locales', percent: true, domain: [0, 100], grid: false },
		y: narrow ? { domain: rowsY, label: null, axis: null, padding: 0.5 } : { domain: rowsY, label: null },
		color: { type: 'identity' },
		marks: [
			narrow ? labelsAbove(rowsY, (d) => d, options.width!) : null,
			Plot.barX(
				data,
				Plot.stackX({
					x: share,
					y: 'arml',
					fill: (d) => STEP_COLORS[d.step as keyof typeof STEP_COLORS] ?? '#999999',
					order,
					title: (d) => `${d.arml} — ${STEP_LABELS[d.step as keyof typeof STEP_LABELS] ?? d.step} : ${d.n}`,
					inset: 0.5
				})
			),
			Plot.text(
				data.filter((d) => share(d) >= 0.06),
				Plot.stackX({
					x: share,
					y: 'arml',
					order,
					text: (d) => String(d.n),
					fill: (d) => textOn(STEP_COLORS[d.step as keyof typeof STEP_COLORS] ?? '#999999'),
					fontSize: 10,
					ariaHidden: 'true'
				})
			)
		]
	}) as SVGSVGElement;
}
