import * as Plot from '@observablehq/plot';
import { isNarrow } from './narrow';
import { formatLevel, numberTick } from '../format';

/** One rate of one year, for the ML and the national median. */
export type RateYear = {
	rate: string;
	rateLabel: string;
	year: number;
	value: number | null;
	national: number | null;
};

export type RateYearsOptions = { document: Document; width?: number };

export const RATE_YEAR_COLORS = { ml: '#8073ac', national: 'currentColor' } as const;

/**
 * Small multiples on a 2 × 2 grid, one panel per rate: the ML's rate per 100 jeunes accompagnés
 * year by year (solid line, values written) and the national median of the same rate (dashed).
 */
export function rateYearsChart(points: RateYear[], options: RateYearsOptions): SVGSVGElement {
	const rates = [...new Map(points.map((p) => [p.rate, p.rateLabel])).entries()];
	// Two rates a row; one on a narrow screen, where two would leave each too little room.
	const columns = isNarrow(options.width) ? 1 : 2;
	const cell = new Map(rates.map(([rate], i) => [rate, { col: i % columns, row: Math.floor(i / columns) }]));
	const fx = (p: { rate: string }) => cell.get(p.rate)!.col;
	const fy = (p: { rate: string }) => cell.get(p.rate)!.row;
	const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
	const top = Math.max(10, ...points.flatMap((p) => [p.value ?? 0, p.national ?? 0]));
	const ml = points.filter((p) => p.value !== null);
	const national = points.filter((p) => p.national !== null);
	const titles = rates.map(([rate, rateLabel]) => ({ rate, rateLabel }));
	return Plot.plot({
		document: options.document,
		width: options.width ?? 900,
		height: Math.ceil(Math.max(rates.length, 4) / columns) * 190 + 60,
		marginLeft: 44,
		marginRight: 24,
		marginTop: 24,
		marginBottom: 30,
		style: { background: 'transparent', fontSize: '12px', overflow: 'visible' },
		fx: { axis: null, padding: 0.12 },
		fy: { axis: null, padding: 0.22 },
		x: { domain: years, type: 'point', label: null, tickFormat: (y: number) => String(y), inset: 16 },
		y: { domain: [0, Math.ceil((top * 1.15) / 5) * 5], label: null, grid: true, tickFormat: numberTick },
		marks: [
			Plot.frame({ stroke: 'currentColor', strokeOpacity: 0.15, ariaHidden: 'true' }),
			Plot.text(titles, {
				fx,
				fy,
				frameAnchor: 'top-left',
				dy: -16,
				text: 'rateLabel',
				fontWeight: 'bold',
				fill: 'currentColor'
			}),
			Plot.line(national, {
				fx,
				fy,
				x: 'year',
				y: 'national',
				stroke: RATE_YEAR_COLORS.national,
				strokeDasharray: '5,3',
				strokeWidth: 1.5,
				ariaHidden: 'true'
			}),
			Plot.line(ml, {
				fx,
				fy,
				x: 'year',
				y: 'value',
				stroke: RATE_YEAR_COLORS.ml,
				strokeWidth: 2.5,
				ariaHidden: 'true'
			}),
			Plot.dot(ml, {
				fx,
				fy,
				x: 'year',
				y: 'value',
				r: 3.5,
				fill: RATE_YEAR_COLORS.ml,
				title: (p: RateYear) =>
					`${p.rateLabel} ${p.year} : ${formatLevel(p.value)} pour 100 jeunes (médiane nationale ${formatLevel(p.national)})`
			}),
			Plot.text(ml, {
				fx,
				fy,
				x: 'year',
				y: 'value',
				text: (p: RateYear) => formatLevel(p.value),
				dy: -10,
				fill: 'currentColor',
				fontSize: 10,
				className: 'rate-value'
			})
		]
	}) as SVGSVGElement;
}
