/** What `cellIndex` files: a cell of a row and a column. */
type Cell = { rowId: string; colId: string };

/**
 * A heatmap's cells by row, then column, for the table alternative's lookups (9 360 cells at
 * scale 10: a search through the list for each made it quadratic). The first cell of a pair wins,
 * as a search in order would find it.
 */
export function cellIndex<C extends Cell>(cells: readonly C[]): Map<string, Map<string, C>> {
	const byRow = new Map<string, Map<string, C>>();
	for (const c of cells) {
		let row = byRow.get(c.rowId);
		if (!row) byRow.set(c.rowId, (row = new Map()));
		if (!row.has(c.colId)) row.set(c.colId, c);
	}
	return byRow;
}
