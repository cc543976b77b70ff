import * as Plot from '@observablehq/plot';
import { formatLevel2, numberTick } from '../format';
import { isNarrow, labelsAbove, NARROW_ROW } from './narrow';

/** One criterion of an ML's profile. */
export type ProfileRow = {
	id: string;
	/** Axis label, e.g. "3.3 Observatoire". */
	label: string;
	score: number | null;
	armlMean: number | null;
	nationalMean: number | null;
};

export type ProfileDotsOptions = {
	document: Document;
	/** Where a criterion becomes *atteint* (a dashed line). */
	threshold: number;
	minLevel: number;
	maxLevel: number;
	/** Names of the two comparison groups, for tooltips. */
	armlName: string;
	width?: number;
};

/** Marks of the three series: shape and colour both differ, so colour is never needed alone. */
export const PROFILE_SERIES = {
	ml: { label: 'La Mission Locale', color: '#8073ac', symbol: 'circle' },
	arml: { label: 'Moyenne de son ARML', color: '#b35806', symbol: 'diamond' },
	nation: { label: 'Moyenne nationale', color: 'currentColor', symbol: 'tick' }
} as const;

const textWidth = (text: string, size = 12) => text.length * size * 0.55;

/**
 * A strip per criterion: the ML's score (filled circle) against its ARML's mean (diamond) and the
 * national mean (vertical tick), on the 1–4 maturity scale, the ML's score written on the right.
 */
export function profileDotsChart(rows: ProfileRow[], options: ProfileDotsOptions): SVGSVGElement {
	const { minLevel, maxLevel, threshold } = options;
	const label = new Map(rows.map((r) => [r.id, r.label]));
	const spans = rows
		.map((r) => {
			const values = [r.score, r.armlMean, r.nationalMean].filter((v): v is number => v !== null);
			return values.length > 1 ? { id: r.id, lo: Math.min(...values), hi: Math.max(...values) } : null;
		})
		.filter((s) => s !== null);
	const name = (r: ProfileRow) => label.get(r.id) ?? r.id;
	const narrow = isNarrow(options.width);
	return Plot.plot({
		document: options.document,
		width: options.width ?? 900,
		height: 50 + rows.length * (narrow ? NARROW_ROW : 24),
		marginLeft: narrow ? 12 : Math.min(300, Math.max(80, ...rows.map((r) => textWidth(r.label))) + 12),
		marginRight: narrow ? 60 : 80,
		marginTop: 34,
		style: { background: 'transparent', fontSize: '12px', overflow: 'visible' },
		x: {
			domain: [minLevel, maxLevel],
			label: 'Niveau de maturité',
			axis: 'top',
			grid: true,
			ticks: maxLevel - minLevel,
			tickFormat: numberTick
		},
		y: {
			domain: rows.map((r) => r.id),
			tickFormat: (id: string) => label.get(id) ?? id,
			label: null,
			tickSize: 0,
			...(narrow ? { axis: null, padding: 0.5 } : {})
		},
		marks: [
			narrow
				? labelsAbove(
						rows.map((r) => r.id),
						(id) => label.get(id) ?? id,
						options.width!
					)
				: null,
			Plot.ruleX([threshold], {
				stroke: 'currentColor',
				strokeDasharray: '4,3',
				strokeOpacity: 0.7,
				ariaHidden: 'true'
			}),
			Plot.ruleY(spans, {
				y: 'id',
				x1: 'lo',
				x2: 'hi',
				stroke: 'currentColor',
				strokeOpacity: 0.35,
				ariaHidden: 'true'
			}),
			Plot.tickX(
				rows.filter((r) => r.nationalMean !== null),
				{
					x: 'nationalMean',
					y: 'id',
					stroke: PROFILE_SERIES.nation.color,
					strokeWidth: 2,
					inset: 4,
					title: (r: ProfileRow) => `${name(r)} — moyenne nationale : ${formatLevel2(r.nationalMean)}`
				}
			),
			Plot.dot(
				rows.filter((r) => r.armlMean !== null),
				{
					x: 'armlMean',
					y: 'id',
					symbol: PROFILE_SERIES.arml.symbol,
					r: 4.5,
					fill: PROFILE_SERIES.arml.color,
					title: (r: ProfileRow) => `${name(r)} — moyenne ${options.armlName} : ${formatLevel2(r.armlMean)}`
				}
			),
			Plot.dot(
				rows.filter((r) => r.score !== null),
				{
					x: 'score',
					y: 'id',
					symbol: PROFILE_SERIES.ml.symbol,
					r: 5.5,
					fill: PROFILE_SERIES.ml.color,
					stroke: 'currentColor',
					strokeWidth: 0.75,
					title: (r: ProfileRow) => `${name(r)} — la Mission Locale : ${formatLevel2(r.score)}`
				}
			),
			Plot.text(rows, {
				y: 'id',
				frameAnchor: 'right',
				dx: 12,
				textAnchor: 'start',
				text: (r: ProfileRow) => (r.score === null ? 'non évalué' : formatLevel2(r.score)),
				fill: 'currentColor',
				fontWeight: 'bold',
				className: 'profile-score'
			})
		]
	}) as SVGSVGElement;
}
