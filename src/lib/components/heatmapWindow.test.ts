import { describe, expect, it } from 'vitest';
import { heatmapModel } from '$lib/charts/heatmapModel';
import type { HeatmapCell } from '$lib/model/rows';
import { heatmapWindow } from './heatmapWindow';

const cell = (row: number, col: number, mean: number) =>
	({
		phase: 'self',
		row_id: `ML-${String(row).padStart(3, '0')}`,
		row_label: `Mission Locale ${row}`,
		row_overall: mean,
		row_overall_n: 1,
		row_mls: 1,
		row_assessed: 1,
		col_id: `1.${col}`,
		col_label: `Critère ${col}`,
		col_title: `Critère ${col}`,
		col_position: col,
		group_id: '1',
		group_label: 'Chapitre 1',
		mean,
		share: 0.5,
		n: 1
	}) as unknown as HeatmapCell;

describe('heatmapWindow', () => {
	// 120 MLs × 3 criteria, ML i scoring 1 + i / 100 on each.
	const rows = Array.from({ length: 120 }, (_, i) => [1, 2, 3].map((c) => cell(i, c, 1 + i / 100))).flat();
	const model = heatmapModel(rows, {
		metric: 'mean',
		rows: 'ml',
		threshold: 2,
		maxLevel: 4,
		sort: 'overall'
	});

	it('keeps the first rows of the whole order, with all their cells', () => {
		const shown = heatmapWindow(model, 50);
		expect(shown.rowOrder).toEqual(model.rowOrder.slice(0, 50));
		// By score: the best 50, ML 119 first.
		expect(shown.rowOrder[0]).toBe('ML-119');
		expect(shown.rows.map((r) => r.id)).toEqual(shown.rowOrder);
		expect(shown.cells).toHaveLength(150);
		expect(new Set(shown.cells.map((c) => c.rowId))).toEqual(new Set(shown.rowOrder));
		expect(shown.colOrder).toEqual(model.colOrder);
	});

	it('keeps the colour scale of the whole model', () => {
		expect(heatmapWindow(model, 50).scale).toBe(model.scale);
	});

	it('returns a model that fits as it is', () => {
		expect(heatmapWindow(model, 120)).toBe(model);
		expect(heatmapWindow(model, 500)).toBe(model);
	});
});
