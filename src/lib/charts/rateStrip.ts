import * as Plot from '@observablehq/plot';
import { formatLevel, formatUnlessMasked, numberTick } from '../format';
import { isNarrow, labelsAbove } from './narrow';

/** One rate of one ML (per 100 jeunes accompagnés). */
export type RatePoint = { rate: string; rateLabel: string; ml: string; value: number };
/**
 * The medians a strip is read against, each with the number of Missions Locales behind it; a
 * median over fewer than MIN_N is null and reads as the masked label.
 */
export type RateMedian = {
	rate: string;
	rateLabel: string;
	national: number | null;
	nationalN: number;
	arml: number | null;
	armlN: number;
};

export type RateStripOptions = { document: Document; armlName: string; width?: number };

export const RATE_COLORS = { ml: '#8073ac', arml: '#b35806', national: 'currentColor' } as const;

/** A rate per 100 jeunes, one decimal: "26,3". */
export const formatRate = (v: number | null | undefined) => formatLevel(v);

/** Height of a strip on a narrow screen: its label above, the dots, its medians below. */
const NARROW_STRIP = 72;

/**
 * One strip per rate: a dot per ML of the ARML, the national median as a thick tick, the ARML's
 * median as a dashed tick; both medians written on the right (below the strip on a narrow screen,
 * where the rate's name goes above it).
 */
export function rateStripChart(
	points: RatePoint[],
	medians: RateMedian[],
	options: RateStripOptions
): SVGSVGElement {
	const order = medians.map((m) => m.rate);
	const label = new Map(medians.map((m) => [m.rate, m.rateLabel]));
	const top = Math.max(10, ...points.map((p) => p.value), ...medians.map((m) => m.national ?? 0));
	const narrow = isNarrow(options.width);
	const mediansText = (m: RateMedian) =>
		`ARML ${formatUnlessMasked(m.arml, m.armlN, formatRate)} · nation ${formatUnlessMasked(m.national, m.nationalN, formatRate)}`;
	return Plot.plot({
		document: options.document,
		width: options.width ?? 900,
		height: 60 + order.length * (narrow ? NARROW_STRIP : 46),
		marginLeft: narrow ? 12 : 170,
		marginRight: narrow ? 16 : 190,
		marginTop: 34,
		style: { background: 'transparent', fontSize: '12px', overflow: 'visible' },
		x: {
			domain: [0, Math.ceil(top / 5) * 5],
			label: 'Pour 100 jeunes accompagnés',
			axis: 'top',
			grid: true,
			tickFormat: numberTick
		},
		y: narrow
			? { domain: order, label: null, axis: null, padding: 0.65 }
			: {
					domain: order,
					tickFormat: (r: string) => label.get(r) ?? r,
					label: null,
					tickSize: 0,
					padding: 0.2
				},
		marks: [
			narrow ? labelsAbove(order, (r) => label.get(r) ?? r, options.width!) : null,
			Plot.dot(points, {
				x: 'value',
				y: 'rate',
				r: 4,
				fill: RATE_COLORS.ml,
				fillOpacity: 0.75,
				stroke: 'currentColor',
				strokeWidth: 0.5,
				title: (p: RatePoint) => `${p.ml} — ${p.rateLabel} : ${formatRate(p.value)} pour 100 jeunes`
			}),
			Plot.tickX(
				medians.filter((m) => m.arml !== null),
				{
					x: 'arml',
					y: 'rate',
					stroke: RATE_COLORS.arml,
					strokeWidth: 2.5,
					strokeDasharray: '4,2',
					title: (m: RateMedian) => `${m.rateLabel} — médiane ${options.armlName} : ${formatRate(m.arml)}`
				}
			),
			Plot.tickX(
				medians.filter((m) => m.national !== null),
				{
					x: 'national',
					y: 'rate',
					stroke: RATE_COLORS.national,
					strokeWidth: 3,
					title: (m: RateMedian) => `${m.rateLabel} — médiane nationale : ${formatRate(m.national)}`
				}
			),
			Plot.text(medians, {
				y: 'rate',
				...(narrow
					? {
							frameAnchor: 'left',
							dy: 22,
							textAnchor: 'start',
							text: (m: RateMedian) => `Médianes : ${mediansText(m)}`
						}
					: { frameAnchor: 'right', dx: 10, textAnchor: 'start', text: mediansText }),
				fill: 'currentColor',
				className: 'rate-medians'
			})
		]
	}) as SVGSVGElement;
}
