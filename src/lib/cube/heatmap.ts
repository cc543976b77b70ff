import { phasesOf, type HeatmapOptions } from '../model/views';
import type { HeatmapCell } from '../model/rows';
import { CHAPTER_BY_ID, CHAPTERS, CRITERIA, ELEMENTS, SECTION_BY_ID } from './referentiel';
import { groupOfMl, overallOf } from './indexes';
import { C, compare, E, inScope, picked, placed } from './scope';
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
	const width = elementMode ? E : C;
	// Each criterion (or element) index's column, as an index into `colList` (-1: not shown).
	const colList = [...cols.values()];
	const colIndex = new Map(colList.map((c, k) => [c.id, k]));
	const unitCol = Int32Array.from({ length: width }, (_, i) => colIndex.get(unitOf(i) ?? '') ?? -1);
	const K = colList.length;
	// Scratch per ML (its units) and per row (its columns), reused: a scale-10 network has
	// thousands of MLs, and a Map of arrays per ML was most of a filter change's time.
	const unitSum = new Float64Array(K);
	const unitN = new Int32Array(K);
	const seen = new Int32Array(K);
	const colSum = new Float64Array(K);
	const colN = new Int32Array(K);
	const colAbove = new Int32Array(K);
	const colOrder: number[] = [];
	const overall = overallOf(cube);
	const sums = elementMode ? cube.elementSum : cube.scoreSum;
	const counts = elementMode ? cube.elementCount : cube.scoreCount;
	const out: HeatmapCell[] = [];
	for (const phase of [...phasesOf(options.phase)].sort()) {
		if (!picked(cube, options.campaign, phase).length) continue;
		const groupOf = groupOfMl(cube, options.campaign, phase);
		const phaseCells: HeatmapCell[] = [];
		for (const [rowId, row] of rows) {
			colSum.fill(0);
			colN.fill(0);
			colAbove.fill(0);
			colOrder.length = 0;
			let overallSum = 0;
			let overallN = 0;
			let assessed = 0;
			for (const ml of row.mls) {
				const g = groupOf[ml];
				if (g < 0) continue;
				// Its overall score: the mean of its criteria, when all are scored.
				if (!Number.isNaN(overall[g])) {
					overallSum += overall[g];
					overallN++;
				}
				// Its units: per column, the mean of its criteria (or elements) there.
				let seenN = 0;
				for (let i = 0; i < width; i++) {
					const k = unitCol[i];
					const n = counts[g * width + i];
					if (k < 0 || !n) continue;
					if (unitN[k] === 0) seen[seenN++] = k;
					unitSum[k] += sums[g * width + i] / n;
					unitN[k]++;
				}
				if (seenN) assessed++;
				for (let j = 0; j < seenN; j++) {
					const k = seen[j];
					const v = unitSum[k] / unitN[k];
					unitSum[k] = 0;
					unitN[k] = 0;
					if (colN[k] === 0) colOrder.push(k);
					colSum[k] += v;
					colN[k]++;
					if (v >= options.threshold) colAbove[k]++;
				}
			}
			if (!assessed) continue;
			const rowOverall = overallN ? overallSum / overallN : null;
			for (const k of colOrder) {
				const col = colList[k];
				phaseCells.push({
					phase,
					row_id: rowId,
					row_label: row.label,
					row_overall: rowOverall,
					row_overall_n: overallN,
					row_mls: row.mls.length,
					row_assessed: assessed,
					col_id: col.id,
					col_label: col.label,
					col_title: col.title,
					group_id: col.group,
					group_label: groupLabel(col.group),
					col_position: col.position,
					mean: colSum[k] / colN[k],
					share: colAbove[k] / colN[k],
					n: colN[k]
				});
			}
		}
		phaseCells.sort((a, b) => compare(a.row_label, b.row_label) || a.col_position - b.col_position);
		out.push(...phaseCells);
	}
	return out;
}
