import { REJECTED_COLUMNS, TABLES, type ColumnSpec, type TableName, type TableSpec } from './contract';
import { normalizeHeader } from './normalize';

/** A contract column found in a file: its spec, its position and its name as the user wrote it. */
export type MappedColumn = { spec: ColumnSpec; index: number; header: string };

/** Which table a file holds, and how its header maps onto the table's columns. */
export type Recognition = {
	table: TableSpec | null;
	/** Tables tied for best match when none could be chosen. */
	ambiguous: TableName[];
	mapped: MappedColumn[];
	/** Contract columns absent from the header. */
	missing: ColumnSpec[];
	/** Header cells that are no column of the table (position, name as written). */
	extras: { index: number; header: string }[];
	/** Header cells naming a column already mapped (position, name as written, first name). */
	repeated: { index: number; header: string; first: string }[];
};

/** `ml_id` is in every table, so it says nothing about which one a file is. */
const SHARED = new Set(['ml_id']);

function score(spec: TableSpec, names: Set<string>, fileName: string): number {
	const matched = spec.columns.filter((c) => !SHARED.has(c.name) && names.has(c.name)).length;
	// The file's name only breaks ties (`evaluations-2024.csv`), it never outweighs a column.
	return matched + (fileName.includes(spec.name) ? 0.5 : 0);
}

/**
 * Recognises a file's table by its columns (headers compared after trimming, lower-casing and
 * removing accents): the table sharing the most columns wins, its name in the file's name breaks a
 * tie. `forced` skips the guess.
 */
export function recognizeTable(header: readonly string[], fileName: string, forced?: TableName): Recognition {
	const names = header.map(normalizeHeader);
	const nameSet = new Set(names);
	const normalizedFile = normalizeHeader(fileName);
	const scored = TABLES.map((spec) => ({ spec, score: score(spec, nameSet, normalizedFile) }));
	const best = Math.max(...scored.map((s) => s.score));
	const leaders = scored.filter((s) => s.score === best);
	const table = forced
		? (TABLES.find((t) => t.name === forced) ?? null)
		: best > 0 && leaders.length === 1
			? leaders[0].spec
			: null;
	const result: Recognition = {
		table,
		ambiguous: !table && best > 0 ? leaders.map((s) => s.spec.name) : [],
		mapped: [],
		missing: [],
		extras: [],
		repeated: []
	};
	if (!table) return result;
	names.forEach((name, index) => {
		const spec = table.columns.find((c) => c.name === name);
		const first = result.mapped.find((m) => m.spec.name === name);
		if (!spec) {
			// The columns a rejected-rows file adds: read back once corrected, they are simply ignored.
			if (!(REJECTED_COLUMNS as readonly string[]).includes(name)) result.extras.push({ index, header: header[index] });
		}
		else if (first) result.repeated.push({ index, header: header[index], first: first.header });
		else result.mapped.push({ spec, index, header: header[index] });
	});
	result.missing = table.columns.filter((c) => !result.mapped.some((m) => m.spec === c));
	return result;
}
