import * as Plot from '@observablehq/plot';
import type { TimelinePoint } from '../model/rows';
import { seriesColor } from './colors';
import type { Projection } from './projection';
import { formatInteger, formatYearEnd, monthTick, numberTick } from '../format';
import { isNarrow } from './narrow';

const parse = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/**
 * Cumulative MLs engaged and labelled, month by month, against the goal "every ML engaged by
 * `options.goal`", with the projection of labels at the recent pace (dashed).
 */
export function timelineChart(
	points: TimelinePoint[],
	projection: Projection | null,
	options: { document: Document; goal: string; width?: number }
): SVGSVGElement {
	const total = points.at(-1)?.total ?? 0;
	const series = points.flatMap((p) => [
		{ date: parse(p.month), n: p.engaged, serie: 'Engagées' },
		{ date: parse(p.month), n: p.labelled, serie: 'Labellisées' }
	]);
	const last = points.at(-1);
	const projected =
		projection?.month && last
			? [
					{ date: parse(last.month), n: last.labelled },
					{ date: parse(projection.month), n: total }
				]
			: [];
	const goal = parse(options.goal);
	// Room on the right for the series' names. On a narrow screen, room above the total for the goal,
	// written right of its line on two lines, and the total's count above its rule.
	const narrow = isNarrow(options.width);
	const marginRight = narrow ? 84 : 110;
	return Plot.plot({
		document: options.document,
		width: options.width ?? 900,
		height: 320,
		marginLeft: 50,
		marginRight,
		style: { background: 'transparent', fontSize: '12px' },
		x: { type: 'utc', label: null, tickFormat: monthTick },
		y: {
			label: 'Missions Locales',
			grid: true,
			domain: [0, Math.max(total, 1) * (narrow ? 1.3 : 1)],
			tickFormat: numberTick
		},
		color: { domain: ['Engagées', 'Labellisées'], range: [seriesColor('engaged'), seriesColor('labelled')] },
		marks: [
			Plot.ruleY([total], { stroke: 'currentColor', strokeOpacity: 0.5 }),
			Plot.text([total], {
				y: (d) => d,
				frameAnchor: 'right',
				dx: marginRight - 5,
				dy: narrow ? -14 : 0,
				textAnchor: 'end',
				text: () => `${formatInteger(total)} ML`
			}),
			Plot.ruleX([goal], { stroke: '#e08214', strokeWidth: 2, strokeDasharray: '2,3' }),
			Plot.text([goal], {
				x: (d) => d,
				frameAnchor: 'top',
				dy: 4,
				dx: narrow ? 4 : -4,
				textAnchor: narrow ? 'start' : 'end',
				text: () => `Objectif : toutes engagées ${formatYearEnd(options.goal)}`,
				lineWidth: narrow ? 10 : undefined,
				fill: 'currentColor'
			}),
			Plot.line(series, { x: 'date', y: 'n', stroke: 'serie', strokeWidth: 2.5, curve: 'step-after' }),
			Plot.line(projected, {
				x: 'date',
				y: 'n',
				stroke: seriesColor('labelled'),
				strokeDasharray: '6,4',
				strokeWidth: 1.5
			}),
			Plot.text(
				series.filter((d) => d.date.getTime() === parse(last?.month ?? '1970-01-01').getTime()),
				{ x: 'date', y: 'n', text: 'serie', dx: 6, textAnchor: 'start', fill: 'serie', fontWeight: 'bold' }
			)
		]
	}) as SVGSVGElement;
}
