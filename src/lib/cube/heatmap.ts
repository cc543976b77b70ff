import { phasesOf, type HeatmapOptions } from '../model/views';
import type { HeatmapCell } from '../model/rows';
import { CHAPTER_BY_ID, CHAPTERS, CRITERIA, ELEMENTS, SECTION_BY_ID } from './referentiel';
import { C, compare, E, elementLevel, inScope, mean, picked, placed, score } from './scope';
import type { Cube } from './types';

type Column = { id: string; label: string; title: string; group: string; position: number };

/** The heatmap's columns (as its `cols` CTE) and, per criterion or element index, its column. */
function columns(options: HeatmapOptions): {
	cols: Map<string, Column>;
	unitOf: (i: number) => string | null;
} {
	const cols = new Map<string, Column>();
	const chapter = options.chapter;
	switch (options.columns) {
		case 'criterion':
			for (const c of CRITERIA)
				cols.set(c.id, {
					id: c.id,
					label: c.shortLabel,
					title: c.title,
					group: c.chapter,
					position: c.position
				});
			return { cols, unitOf: (i) => (!chapter || CRITERIA[i].chapter === chapter ? CRITERIA[i].id : null) };
		case 'chapter':
			for (const c of CHAPTERS)
				cols.set(c.id, { id: c.id, label: c.shortLabel, title: c.title, group: c.id, position: c.position });
			return {
				cols,
				unitOf: (i) => (!chapter || CRITERIA[i].chapter === chapter ? CRITERIA[i].chapter : null)
			};
		case 'section': {
			for (const c of CRITERIA) {
				const id = c.section ?? c.chapter;
				if (cols.has(id)) continue;
				const s = c.section ? SECTION_BY_ID.get(c.section)! : null;
				const ch = CHAPTER_BY_ID.get(c.chapter)!;
				cols.set(id, {
					id,
					label: s ? s.shortLabel : ch.shortLabel,
					title: s ? s.title : ch.title,
					group: c.chapter,
					position: c.position
				});
			}
			return {
				cols,
				unitOf: (i) =>
					!chapter || CRITERIA[i].chapter === chapter ? (CRITERIA[i].section ?? CRITERIA[i].chapter) : null
			};
		}
		case 'element':
			for (const e of ELEMENTS)
				if (CRITERIA[e.criterion].id === options.criterion)
					cols.set(e.id, {
						id: e.id,
						label: e.id,
						title: e.text,
						group: CRITERIA[e.criterion].id,
						position: e.position
					});
			return { cols, unitOf: (i) => (cols.has(ELEMENTS[i].id) ? ELEMENTS[i].id : null) };
	}
}

function groupLabel(group: string): string {
	return CHAPTER_BY_ID.get(group)?.shortLabel ?? CRITERIA.find((c) => c.id === group)?.shortLabel ?? group;
}

/** `heatmapQuery` on the cube: the same cells, in the same order. */
export function heatmapRows(cube: Cube, options: HeatmapOptions): HeatmapCell[] {
	const p = placed(cube);
	const keep = inScope(cube, options);
	const { cols, unitOf } = columns(options);
	const rowOf = (ml: number): [string, string] => {
		switch (options.rows) {
			case 'arml':
				return [p.armlCode[ml] ?? '?', p.armlName[ml] ?? 'Département inconnu'];
			case 'region':
				return [p.regionCode[ml] ?? '?', p.regionName[ml] ?? 'Département inconnu'];
			case 'ml':
				return [cube.mls.id[ml], cube.mls.name[ml]];
		}
	};
	// Rows: every ML in scope, assessed or not.
	const rows = new Map<string, { label: string; mls: number[] }>();
	for (let ml = 0; ml < keep.length; ml++) {
		if (!keep[ml]) continue;
		const [id, label] = rowOf(ml);
		const row = rows.get(id);
		if (row) row.mls.push(ml);
		else rows.set(id, { label, mls: [ml] });
	}
	const elementMode = options.columns === 'element';
	const out: HeatmapCell[] = [];
	for (const phase of [...phasesOf(options.phase)].sort()) {
		const groups = picked(cube, options.campaign, phase);
		if (!groups.length) continue;
		const groupOfMl = new Map<number, number>();
		for (const g of groups) groupOfMl.set(cube.groups.ml[g], g);
		// `units`: per ML of the row, its score per column.
		const unitsOf = (g: number): Map<string, number> => {
			const sums = new Map<string, number[]>();
			const width = elementMode ? E : C;
			for (let i = 0; i < width; i++) {
				const col = unitOf(i);
				if (col === null) continue;
				const v = elementMode ? elementLevel(cube, g, i) : score(cube, g, i);
				if (v === null) continue;
				const list = sums.get(col);
				if (list) list.push(v);
				else sums.set(col, [v]);
			}
			return new Map([...sums].map(([k, v]) => [k, mean(v)!]));
		};
		const overall = (g: number): number | null => {
			const values: number[] = [];
			for (let c = 0; c < C; c++) {
				const v = score(cube, g, c);
				if (v !== null) values.push(v);
			}
			return values.length === C ? mean(values) : null;
		};
		const phaseCells: HeatmapCell[] = [];
		for (const [rowId, row] of rows) {
			const perCol = new Map<string, number[]>();
			const overalls: number[] = [];
			let assessed = 0;
			for (const ml of row.mls) {
				const g = groupOfMl.get(ml);
				if (g === undefined) continue;
				const o = overall(g);
				if (o !== null) overalls.push(o);
				const units = unitsOf(g);
				if (units.size) assessed++;
				for (const [col, v] of units) {
					const list = perCol.get(col);
					if (list) list.push(v);
					else perCol.set(col, [v]);
				}
			}
			if (!assessed) continue;
			const rowOverall = mean(overalls);
			for (const [colId, values] of perCol) {
				const col = cols.get(colId)!;
				phaseCells.push({
					phase,
					row_id: rowId,
					row_label: row.label,
					row_overall: rowOverall,
					row_overall_n: overalls.length,
					row_mls: row.mls.length,
					row_assessed: assessed,
					col_id: col.id,
					col_label: col.label,
					col_title: col.title,
					group_id: col.group,
					group_label: groupLabel(col.group),
					col_position: col.position,
					mean: mean(values)!,
					share: values.filter((v) => v >= options.threshold).length / values.length,
					n: values.length
				});
			}
		}
		phaseCells.sort((a, b) => compare(a.row_label, b.row_label) || a.col_position - b.col_position);
		out.push(...phaseCells);
	}
	return out;
}
