import type { HeatmapModel } from '$lib/charts/heatmapModel';

/**
 * The first `limit` rows of a heatmap, in its order (score or name), with their cells: what the
 * chart and its table draw. The colour scale stays the whole model's, so that a cell keeps its
 * colour from one window to the next; the summary and the export read the whole model.
 */
export function heatmapWindow(model: HeatmapModel, limit: number): HeatmapModel {
	if (model.rowOrder.length <= limit) return model;
	const rowOrder = model.rowOrder.slice(0, limit);
	const kept = new Set(rowOrder);
	return {
		...model,
		rowOrder,
		rows: model.rows.filter((r) => kept.has(r.id)),
		cells: model.cells.filter((c) => kept.has(c.rowId))
	};
}
