import { download, toCsv } from '../csv';
import { sqlType, TABLES, type TableName } from '../data/contract';
import type { Encoding } from '../data/decode';
import { LIMITS } from '../data/limits';
import {
	batchReport,
	commitTables,
	discardStaging,
	cappedNotice,
	rejectedRows,
	validateFiles,
	type CommitResult,
	type FileReport,
	type InputFile,
	type ValidationReport
} from '../data';
import { createEmptyTables } from '../db/schema';
import { ident, sql } from '../db/sql';
import type { Database } from '../db/types';
import { ImportDatabase, relationFile } from './importDatabase';

/** `new`: the batch becomes the whole dataset. `merge`: it is added to the imported dataset. */
export type ImportMode = 'new' | 'merge';

/** A user's file, read and recognised (see `ReadFile`). */
export type BatchFile = {
	name: string;
	bytes: Uint8Array;
	table: TableName | null;
	encoding: Encoding | null;
	rows: number;
	/** A CSV's text, decoded while reading it (the validator need not decode it again). */
	text?: string;
	mixedEncodingLine?: number;
	refused?: string;
};

/**
 * Internal stand-in files are named in a namespace no user file can take: a file name never holds
 * a « / » (browsers give the base name; every system refuses it), so a user's file named like a
 * stand-in can neither vanish from the report nor collide with it.
 */
const INTERNAL = '/';

/** Name of the stand-in file for the rows of a table already imported (merge). */
export const existingName = (table: TableName) => `${INTERNAL}données déjà importées · ${table}`;
const NO_MISSIONS_LOCALES = `${INTERNAL}aucune Mission Locale`;

/** A file name as the page shows it: a stand-in without its internal mark. */
export function fileLabel(name: string): string {
	return name.startsWith(INTERNAL) ? name.slice(INTERNAL.length) : name;
}

/** A validated batch waiting for the user's decision. */
export type PreparedImport = {
	mode: ImportMode;
	/** The validator's report on the whole batch (stand-in files included): what `commitTables` takes. */
	report: ValidationReport;
	/** The report the user sees: their files, and in a merge the rows already imported. */
	shown: ValidationReport;
	/** Stand-in files for rows already imported, by file name. */
	existing: Map<string, TableName>;
	/** A new dataset without a missions_locales file: it has no Mission Locale at all. */
	noMissionsLocales: boolean;
};

const tableRef = (name: string) => ident(name);

/** Rows in each contract table of the database (0 for a missing table). */
export async function tableCounts(db: Database): Promise<Record<TableName, number>> {
	const present = await db.query<{ name: string }>(sql`SELECT table_name AS name FROM duckdb_tables()
		WHERE schema_name = 'main' AND table_name IN ${TABLES.map((t) => t.name)}`);
	const counts = Object.fromEntries(TABLES.map((t) => [t.name, 0])) as Record<TableName, number>;
	for (const { name } of present) {
		const [{ n }] = await db.query<{ n: number }>({
			sql: `SELECT count(*)::INTEGER AS n FROM ${tableRef(name)}`,
			params: []
		});
		counts[name as TableName] = n;
	}
	return counts;
}

/** An empty, typed missions_locales relation: the reference of a new dataset that has none. */
function emptyMissionsLocales(): string {
	const spec = TABLES.find((t) => t.name === 'missions_locales')!;
	const columns = spec.columns.map((c) => `CAST(NULL AS ${sqlType(c.type)}) AS ${ident(c.name)}`);
	return `SELECT ${columns.join(', ')} LIMIT 0`;
}

/**
 * The batch the validator gets: in a merge, the rows already imported of each table the user's
 * files hold come first, as a file of their own, so that the user's rows with the same key replace
 * them (the validator counts them: `lignes-remplacees`). In a new dataset without a missions_locales
 * file, an empty one comes first: ML ids are then checked against no Mission Locale rather than
 * against the demo's fictional network.
 */
export function planBatch(
	files: readonly BatchFile[],
	mode: ImportMode,
	existingRows: Partial<Record<TableName, number>>
): {
	inputs: InputFile[];
	tables: Record<string, TableName>;
	existing: Map<string, TableName>;
	noMissionsLocales: boolean;
} {
	const inputs: InputFile[] = [];
	const tables: Record<string, TableName> = {};
	const existing = new Map<string, TableName>();
	const held = new Set(files.map((f) => f.table).filter((t): t is TableName => t !== null));
	let noMissionsLocales = false;
	if (mode === 'merge') {
		for (const { name: table } of TABLES) {
			if (!held.has(table) || !existingRows[table]) continue;
			const name = existingName(table);
			inputs.push({ name, bytes: relationFile(`SELECT * FROM ${tableRef(table)}`) });
			tables[name] = table;
			existing.set(name, table);
		}
	} else if (!held.has('missions_locales')) {
		noMissionsLocales = true;
		inputs.push({ name: NO_MISSIONS_LOCALES, bytes: relationFile(emptyMissionsLocales()) });
		tables[NO_MISSIONS_LOCALES] = 'missions_locales';
	}
	for (const f of files) {
		const { name, bytes, text, mixedEncodingLine, refused } = f;
		inputs.push({ name, bytes, text, mixedEncodingLine, refused });
	}
	return { inputs, tables, existing, noMissionsLocales };
}

/**
 * Validates the user's files (through the data contract's one validation path) for an import in
 * `mode`, without changing any table: the rows wait in staging until `commitImport` or `cancelImport`.
 */
export async function prepareImport(
	db: Database,
	files: readonly BatchFile[],
	mode: ImportMode,
	options: { onBatch?: (batch: { name: string; rows: number }[]) => void } = {}
): Promise<PreparedImport> {
	const names = new Set<string>();
	for (const f of files) {
		if (names.has(f.name))
			throw new Error(`Deux fichiers du lot s’appellent « ${f.name} » : renommez l’un d’eux.`);
		names.add(f.name);
	}
	const existingRows: Partial<Record<TableName, number>> = mode === 'merge' ? await tableCounts(db) : {};
	const plan = planBatch(files, mode, existingRows);
	options.onBatch?.(
		plan.inputs.map(({ name }) => {
			const table = plan.existing.get(name);
			return {
				name,
				rows: table ? (existingRows[table] ?? 0) : (files.find((f) => f.name === name)?.rows ?? 0)
			};
		})
	);
	if (db instanceof ImportDatabase) db.expectBatch(plan.inputs);
	let report: ValidationReport;
	try {
		report = await validateFiles(db, plan.inputs, { tables: plan.tables });
	} finally {
		if (db instanceof ImportDatabase) await db.release();
	}
	// The worker handed the validator UTF-8: the file's own encoding is the worker's finding.
	for (const f of report.files) {
		const encoding = files.find((u) => u.name === f.file)?.encoding;
		if (encoding && f.format === 'csv') f.encoding = encoding;
	}
	const shown = batchReport(report.files.filter((f) => f.file !== NO_MISSIONS_LOCALES));
	return { mode, report, shown, existing: plan.existing, noMissionsLocales: plan.noMissionsLocales };
}

/** Drops a prepared batch's staging tables: nothing changes. */
export function cancelImport(db: Database, prepared: PreparedImport): Promise<void> {
	return discardStaging(db, prepared.report);
}

/**
 * A file's rejected rows, as CSV with a `motif` column: `rows` written (at most
 * `LIMITS.rejectedRows`, the first ones), out of `total` lines with errors.
 */
export type RejectedFile = { file: string; rows: number; total: number; csv: string };

/** The user's files that can be imported (no file-level error). */
export function usableFiles(prepared: Pick<PreparedImport, 'shown' | 'existing'>): FileReport[] {
	return prepared.shown.files.filter((f) => f.committable && !prepared.existing.has(f.file));
}

/** The rows with errors of each file that has some (before commit, while staging exists). */
export async function rejectedFiles(
	db: Database,
	prepared: PreparedImport,
	max: number = LIMITS.rejectedRows
): Promise<RejectedFile[]> {
	const out: RejectedFile[] = [];
	for (const f of prepared.shown.files) {
		if (!f.committable || f.errorLines.length === 0) continue;
		const { columns, rows, total } = await rejectedRows(db, prepared.report, f.file, max);
		// A capped file says so in itself too, as its last row (the page may be long gone when it is opened).
		const notice = cappedNotice(rows.length, total);
		const written = notice ? [...rows, { motif: notice }] : rows;
		out.push({ file: f.file, rows: rows.length, total, csv: toCsv(written, columns) });
	}
	return out;
}

export type CommitOutcome = {
	committed: CommitResult[];
	/** Rows per table of the dataset once imported. */
	tables: Record<TableName, number>;
	/** Rows with errors left out, per file, downloadable. */
	rejected: RejectedFile[];
	/** The user's Parquet files kept as they are for the tables they hold unchanged (`unchangedFiles`). */
	unchanged?: Partial<Record<TableName, Uint8Array>>;
};

/**
 * The user's Parquet files that are, byte for byte, what keeping their tables would write: each
 * table committed from one file whose rows it holds as the file types and names them
 * (`sameAsFile`), none left out (an empty row is dropped by the validator: then the file has more
 * rows than the report). Keeping them spares encoding the tables again (4.7 s of CPU at scale 10).
 */
export function unchangedFiles(
	committed: readonly CommitResult[],
	report: ValidationReport,
	files: readonly (BatchFile & { kind?: string })[]
): Partial<Record<TableName, Uint8Array>> {
	const out: Partial<Record<TableName, Uint8Array>> = {};
	for (const c of committed) {
		if (!c.sameAsFile || c.files.length !== 1) continue;
		const file = files.find((f) => f.name === c.files[0]);
		const reported = report.files.find((f) => f.file === c.files[0]);
		if (!file || file.kind !== 'parquet' || reported?.format !== 'parquet') continue;
		if (file.rows !== reported.rows || reported.rows !== c.rows) continue;
		out[c.table] = file.bytes;
	}
	return out;
}

/**
 * Imports a prepared batch. `new`: each table the batch holds is replaced by its rows and every
 * other table emptied (never filled from the demo). `merge`: each table the batch holds gets the
 * batch's rows, a row replacing the one already imported with the same key; other tables stay.
 * With `excludeErrorRows`, rows with errors are left out (and returned, to download); without it,
 * a batch with errors is refused.
 */
export async function commitImport(
	db: Database,
	prepared: PreparedImport,
	options: { excludeErrorRows: boolean }
): Promise<CommitOutcome> {
	const { shown, existing } = prepared;
	if (!options.excludeErrorRows && shown.errors > 0)
		throw new Error(
			`Le lot contient ${shown.errors.toLocaleString('fr-FR')} erreur(s) : rien n’a été importé.`
		);
	for (const f of shown.files)
		if (existing.has(f.file) && !f.committable)
			throw new Error(
				`Les données déjà importées (${existing.get(f.file)}) n’ont pas pu être relues : rien n’a changé.`
			);
	if (usableFiles(prepared).length === 0) throw new Error('Aucun fichier du lot ne peut être importé.');
	const rejected = await rejectedFiles(db, prepared);
	const committed = await commitTables(db, prepared.report, { excludeErrorRows: true });
	if (prepared.mode === 'new') {
		const kept = new Set(committed.map((c) => c.table));
		await createEmptyTables(
			db,
			TABLES.map((t) => t.name).filter((name) => !kept.has(name))
		);
	}
	return { committed, tables: await tableCounts(db), rejected };
}

/** Offers a file's rejected rows as `<file>-lignes-rejetees.csv`. */
export function downloadRejected(rejected: RejectedFile): void {
	download(`${fileLabel(rejected.file).replace(/\.[^.]+$/, '')}-lignes-rejetees.csv`, rejected.csv);
}
