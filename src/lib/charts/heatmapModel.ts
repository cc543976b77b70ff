import type { HeatmapCell } from '../model/rows';
import {
	cutText,
	formatCount,
	formatInteger,
	formatLevel,
	formatLevel2,
	formatPercent,
	SHOWN_CHARS
} from '../format';
import { MIN_N, isMasked } from '../model/smallGroups';
import type { Metric, RowLevel } from '../model/filters';
import { colorScale, type ColorScale } from './colors';
import type { HeatCell } from './heatmap';

export type HeatmapSort = 'overall' | 'name';

export type HeatmapModelOptions = {
	metric: Metric;
	rows: RowLevel;
	threshold: number;
	maxLevel: number;
	sort: HeatmapSort;
};

/** Everything a heatmap view draws and lists, computed from query rows without a DOM. */
export type HeatmapModel = {
	cells: HeatCell[];
	rowOrder: string[];
	colOrder: string[];
	scale: ColorScale;
	/** `overall` is null and `overallMasked` true when too few MLs stand behind the row's score. */
	rows: { id: string; label: string; overall: number | null; overallMasked: boolean; mls: number }[];
	columns: { id: string; label: string; title: string; groupLabel: string; mean: number | null; n: number }[];
};

const METRIC_TEXT: Record<Metric, string> = {
	mean: 'niveau moyen',
	share: 'part des Missions Locales au niveau atteint',
	n: 'Missions Locales évaluées'
};

function valueOf(cell: HeatmapCell, metric: Metric): number {
	return metric === 'mean' ? cell.mean : metric === 'share' ? cell.share : cell.n;
}

/** Builds the model of one phase's heatmap; aggregates over too few MLs are masked (`smallGroups`). */
export function heatmapModel(rows: HeatmapCell[], options: HeatmapModelOptions): HeatmapModel {
	const { metric } = options;
	const aggregated = options.rows !== 'ml';
	const maxN = Math.max(1, ...rows.map((r) => r.n));
	const scale = colorScale(metric, options.threshold, options.maxLevel, maxN);
	const format = metric === 'mean' ? formatLevel : metric === 'share' ? formatPercent : formatInteger;

	const cells: HeatCell[] = rows.map((r) => {
		const masked = aggregated && isMasked(r.n);
		const value = valueOf(r, metric);
		// The column by the name its axis shows (a criterion's short label; an element's text, as it
		// has none): the full statement, repeated on every row, made a tenth of a page's HTML
		// (`tests/weight.e2e.ts`); it stays in the column's tooltip and in the table. The row is
		// named cut short: a name of 100 000 characters would weigh on every cell.
		const what = `${cutText(r.row_label, SHOWN_CHARS)}, ${r.col_id} ${r.col_label !== r.col_id ? r.col_label : r.col_title}`;
		const description = masked
			? `${what} : masqué, seulement ${formatCount(r.n, 'Mission Locale évaluée')} (moins de ${MIN_N})`
			: `${what} : ${METRIC_TEXT[metric]} ${format(value)} (n = ${r.n})`;
		return {
			rowId: r.row_id,
			rowLabel: r.row_label,
			colId: r.col_id,
			colLabel: r.col_label,
			colTitle: r.col_title,
			groupId: r.group_id,
			groupLabel: r.group_label,
			value,
			n: r.n,
			masked,
			description
		};
	});

	const rowMap = new Map<string, HeatmapModel['rows'][number]>();
	for (const r of rows) {
		const overallMasked = aggregated && r.row_overall !== null && isMasked(r.row_overall_n);
		const overall = overallMasked ? null : r.row_overall;
		rowMap.set(r.row_id, { id: r.row_id, label: r.row_label, overall, overallMasked, mls: r.row_mls });
	}
	const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'fr');
	const rowList = [...rowMap.values()].sort(
		options.sort === 'name'
			? byName
			: (a, b) => (b.overall ?? -Infinity) - (a.overall ?? -Infinity) || byName(a, b)
	);

	const colMap = new Map<string, HeatmapModel['columns'][number] & { position: number; sum: number }>();
	for (const r of rows) {
		const col = colMap.get(r.col_id) ?? {
			id: r.col_id,
			label: r.col_label,
			title: r.col_title,
			groupLabel: r.group_label,
			position: r.col_position,
			mean: null,
			n: 0,
			sum: 0
		};
		// Weighting cell means by n gives the mean over all the MLs behind the column.
		col.sum += valueOf(r, metric) * (metric === 'n' ? 1 : r.n);
		col.n += r.n;
		colMap.set(r.col_id, col);
	}
	const columns = [...colMap.values()]
		.sort((a, b) => a.position - b.position)
		.map(({ position: _p, sum, ...c }) => ({ ...c, mean: metric === 'n' ? sum : c.n ? sum / c.n : null }));

	return {
		cells,
		rowOrder: rowList.map((r) => r.id),
		colOrder: columns.map((c) => c.id),
		scale,
		rows: rowList,
		columns
	};
}

/**
 * The one-line summary: weakest and strongest columns (all of them when tied), among the columns
 * over enough Missions Locales to be shown (the small-group rule).
 */
export function heatmapSummary(model: HeatmapModel, metric: Metric): string | null {
	// A null mean is a column over no Mission Locale, masked anyway (n = 0 < MIN_N): kept as a guard.
	// Stryker disable next-line ConditionalExpression: equivalent while MIN_N > 0 (see above)
	const ranked = model.columns.filter((c) => c.mean !== null && !isMasked(c.n));
	if (ranked.length < 2 || metric === 'n') return null;
	// Ties at the precision the tables show (3,60 and 3,64 are not tied), and written at it.
	const format = metric === 'mean' ? formatLevel2 : formatPercent;
	const sorted = [...ranked].sort((a, b) => a.mean! - b.mean!);
	const describe = (end: (typeof sorted)[number], which: 'faible' | 'fort') => {
		const tied = sorted.filter((c) => format(c.mean) === format(end.mean));
		const names = tied.map((c) => `${c.id} « ${c.label} »`);
		if (tied.length === 1) return `Le plus ${which} : ${names[0]} (${format(end.mean)}).`;
		const list = `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}`;
		return `Les plus ${which}s, à égalité (${format(end.mean)}) : ${list}.`;
	};
	return `${describe(sorted[0], 'faible')} ${describe(sorted[sorted.length - 1], 'fort')}`;
}
