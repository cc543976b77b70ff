import { TABLES, type TableName } from '../data/contract';
import type { FileReport } from '../data';
import type { ImportMode } from './importer';

/** A table that would hold fewer rows after the import than it holds now. */
export type TableLoss = { table: TableName; before: number; after: number };

/** What an import would do, said before it is done: rows per table after it, and what is lost. */
export type ImportPlan = {
	/** Rows each table would hold once the batch is imported. */
	after: Record<TableName, number>;
	/** Rows the import brings from the user's files (0: nothing to import). */
	incoming: number;
	/** Tables of the user's imported dataset that would be emptied or shrunk. */
	losses: TableLoss[];
	/** The user's files refused whole (not CSV or Parquet, unknown table, a required column missing…). */
	refused: string[];
	/** Whether importing needs the user's explicit confirmation (something is lost or refused). */
	risky: boolean;
};

type Batch = {
	mode: ImportMode;
	shown: { files: readonly FileReport[] };
	/** Stand-in files for the rows already imported (a merge), by file name. */
	existing: ReadonlyMap<string, TableName>;
};

/** Rows of a file that the import keeps: rows read, less those left out and those replaced later in the batch. */
const keptRows = (f: FileReport, excludeErrorRows: boolean) =>
	Math.max(0, f.rows - (excludeErrorRows ? f.errorLines.length : 0) - f.replacedRows);

/**
 * Works out, before anything changes, how many rows each table would hold after the import and
 * which tables of the current dataset would lose rows. `current` is the user's imported dataset
 * (null when the demo is active: the fictional demo is never lost, it can always be brought back).
 * A new dataset empties every table its batch lacks; a merge leaves them as they are.
 */
export function planImport(
	batch: Batch,
	excludeErrorRows: boolean,
	current: Partial<Record<TableName, number>> | null
): ImportPlan {
	const after = Object.fromEntries(
		TABLES.map((t) => [t.name, batch.mode === 'merge' ? (current?.[t.name] ?? 0) : 0])
	) as Record<TableName, number>;
	const held = new Set<TableName>();
	let incoming = 0;
	for (const f of batch.shown.files) {
		if (!f.committable || !f.table) continue;
		if (!held.has(f.table)) {
			held.add(f.table);
			after[f.table] = 0;
		}
		const kept = keptRows(f, excludeErrorRows);
		after[f.table] += kept;
		if (!batch.existing.has(f.file)) incoming += kept;
	}
	const losses = current
		? TABLES.flatMap(({ name }) => {
				const before = current[name] ?? 0;
				return after[name] < before ? [{ table: name, before, after: after[name] }] : [];
			})
		: [];
	const refused = batch.shown.files
		.filter((f) => !f.committable && !batch.existing.has(f.file))
		.map((f) => f.file);
	return { after, incoming, losses, refused, risky: losses.length > 0 || refused.length > 0 };
}
