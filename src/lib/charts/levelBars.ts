import * as Plot from '@observablehq/plot';
import type { CriterionRank } from '../model/rows';
import { formatCount, formatPercent } from '../format';
import { textOn } from './contrast';
import { criterionLabel, labelMargin } from './criterionAxis';
import { isNarrow, labelsAbove, NARROW_ROW } from './narrow';

/** Colours of levels 1–4: orange below the label threshold, purple at or above (ColorBrewer PuOr). */
export const LEVEL_COLORS = ['#b35806', '#fdb863', '#b2abd2', '#542788'] as const;

export type LevelBarsOptions = {
	document: Document;
	/** Labels of levels 1–4, from the référentiel's scale. */
	levelLabels: readonly string[];
	width?: number;
};

/** The scores a level counts: « de 3 à moins de 4 », and the top level « 4 » alone. */
export function levelRange(level: number, maxLevel: number): string {
	return level >= maxLevel ? `score ${level}` : `de ${level} à moins de ${level + 1}`;
}

type Segment = { y: string; level: number; count: number; share: number };

/**
 * Stacked horizontal bars, one per criterion in the rows' (ranked) order: the share of MLs at each
 * level 1–4, with the share below the threshold written at the end of each bar (class `share-below`).
 */
export function levelBarsChart(rows: readonly CriterionRank[], options: LevelBarsOptions): SVGSVGElement {
	const order = rows.map(criterionLabel);
	const data: Segment[] = rows.flatMap((r) =>
		[r.level_1, r.level_2, r.level_3, r.level_4].map((count, i) => ({
			y: criterionLabel(r),
			level: i + 1,
			count,
			share: r.n ? count / r.n : 0
		}))
	);
	const narrow = isNarrow(options.width);
	const maxLevel = options.levelLabels.length;
	const levelName = (level: number) =>
		`niveau ${level} « ${options.levelLabels[level - 1] ?? level} » (${levelRange(level, maxLevel)})`;
	return Plot.plot({
		document: options.document,
		width: options.width ?? 900,
		height: 60 + rows.length * (narrow ? NARROW_ROW : 26),
		marginLeft: narrow ? 8 : labelMargin(order),
		marginRight: 110,
		marginTop: 40,
		style: { background: 'transparent', fontSize: '12px' },
		x: {
			label: 'Part des Missions Locales évaluées (%)',
			labelAnchor: 'center',
			percent: true,
			domain: [0, 100],
			axis: 'top'
		},
		y: narrow ? { domain: order, label: null, axis: null, padding: 0.5 } : { domain: order, label: null },
		color: { type: 'identity' },
		marks: [
			narrow
				? labelsAbove(order, (d) => d, options.width!, { className: 'criterion-axis' })
				: Plot.axisY({ tickSize: 0, label: null, className: 'criterion-axis' }),
			Plot.barX(
				data,
				Plot.stackX({
					x: 'share',
					y: 'y',
					fill: (d: Segment) => LEVEL_COLORS[d.level - 1],
					title: (d: Segment) =>
						`${d.y} — ${levelName(d.level)} : ${formatCount(d.count, 'Mission Locale')} (${formatPercent(d.share)})`,
					inset: 0.5
				})
			),
			Plot.text(
				data.filter((d) => d.share >= 0.07),
				Plot.stackX({
					x: 'share',
					y: 'y',
					text: (d: Segment) => formatPercent(d.share),
					fill: (d: Segment) => textOn(LEVEL_COLORS[d.level - 1]),
					fontSize: 10,
					ariaHidden: 'true',
					pointerEvents: 'none'
				})
			),
			Plot.text(rows, {
				y: criterionLabel,
				frameAnchor: 'right',
				dx: 10,
				textAnchor: 'start',
				text: (r: CriterionRank) => formatPercent(r.share_below),
				fill: 'currentColor',
				fontWeight: 'bold',
				className: 'share-below'
			}),
			Plot.text(['Sous le seuil'], {
				frameAnchor: 'top-right',
				dx: 10,
				dy: -28,
				textAnchor: 'start',
				text: (d: string) => d,
				fill: 'currentColor',
				fontWeight: 'bold'
			})
		]
	}) as SVGSVGElement;
}
