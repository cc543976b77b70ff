import { TABLES, type TableName } from '../data/contract';
import type { FileReport } from '../data';
import type { CommitOutcome, ImportMode } from './importer';

/** One file the imported dataset was made from. */
export type ManifestFile = {
	name: string;
	table: TableName;
	format: 'csv' | 'parquet';
	/** Data rows in the file. */
	rows: number;
	/** Rows left out because of errors. */
	rejected: number;
	importedAt: string;
};

/** What the imported dataset is: its files, when, and how many rows each table holds. */
export type ImportManifest = {
	/** ISO date-time of the first import of this dataset. */
	createdAt: string;
	/** ISO date-time of the latest import into it (a merge). */
	updatedAt: string;
	files: ManifestFile[];
	tables: Record<TableName, number>;
};

/** The manifest after an import: a new dataset starts over, a merge adds its files. */
export function nextManifest(
	previous: ImportManifest | null,
	mode: ImportMode,
	files: readonly FileReport[],
	outcome: CommitOutcome,
	now: Date = new Date()
): ImportManifest {
	const at = now.toISOString();
	const imported: ManifestFile[] = files.flatMap((f) =>
		f.committable && f.table && f.format
			? [
					{
						name: f.file,
						table: f.table,
						format: f.format,
						rows: f.rows,
						rejected: f.errorLines.length,
						importedAt: at
					}
				]
			: []
	);
	const keep = mode === 'merge' && previous ? previous : null;
	return {
		createdAt: keep?.createdAt ?? at,
		updatedAt: at,
		files: [...(keep?.files ?? []), ...imported],
		tables: outcome.tables
	};
}

/** Total rows of the dataset. */
export const totalRows = (manifest: ImportManifest) =>
	TABLES.reduce((sum, t) => sum + (manifest.tables[t.name] ?? 0), 0);

/** Whether a value read back from storage is a manifest this version understands. */
export function isManifest(value: unknown): value is ImportManifest {
	const m = value as Partial<ImportManifest> | null;
	return (
		typeof m?.createdAt === 'string' &&
		typeof m.updatedAt === 'string' &&
		Array.isArray(m.files) &&
		typeof m.tables === 'object' &&
		m.tables !== null
	);
}
