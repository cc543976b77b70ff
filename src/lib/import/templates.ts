import { toCsv } from '../csv';
import { tableSpec, TABLES, type TableName } from '../data/contract';

/** A downloadable CSV: its file name and content. */
export type CsvFile = { filename: string; csv: string };

/** The columns of a table, in the contract's order. */
const columns = (table: TableName) => tableSpec(table).columns.map((c) => c.name);

/** An empty CSV with the table's header, ready to fill in a spreadsheet. */
export function emptyTemplate(table: TableName): CsvFile {
	return { filename: `modele-${table}.csv`, csv: toCsv([], columns(table)) };
}

/** The header and one row of the contract's examples. */
export function exampleTemplate(table: TableName): CsvFile {
	const spec = tableSpec(table);
	const row = Object.fromEntries(spec.columns.map((c) => [c.name, c.example]));
	return { filename: `exemple-${table}.csv`, csv: toCsv([row], columns(table)) };
}

/** Both templates of every table of the contract. */
export const TEMPLATES = TABLES.map((t) => ({
	table: t.name,
	label: t.label,
	empty: () => emptyTemplate(t.name),
	example: () => exampleTemplate(t.name)
}));
