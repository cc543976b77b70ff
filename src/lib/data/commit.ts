import { rawColumn } from './cast';
import { sqlType, tableSpec, TABLES, type TableName } from './contract';
import { columnOf, validRows } from './replace';
import type { FileReport, ValidationReport } from './report';
import { discardStaging } from './validate';
import { ident, join, raw, sql } from '../db/sql';
import type { Database } from '../db/types';

export type CommitOptions = {
	/**
	 * True (default): rows with errors are left out and the rest is committed. False: all or nothing,
	 * commitTables throws when the batch has any error.
	 */
	excludeErrorRows?: boolean;
};

/**
 * `sameAsFile`: the table holds exactly the rows and columns of its one Parquet file, as that file
 * types and names them (no value trimmed, normalised or cast, no row left out): the file's own
 * bytes can be kept for it instead of encoding the table again. Absent otherwise.
 */
export type CommitResult = { table: TableName; rows: number; files: string[]; sameAsFile?: true };

const table = (name: string) => raw(ident(name));

/**
 * Replaces each contract table the batch holds (`missions_locales`, `evaluations`, `labellisation`,
 * `chiffres_cles`) with the batch's typed rows, in the contract's column order and types; when several
 * files hold the same table, a later file's row replaces an earlier one with the same key. Tables the
 * batch does not hold are left untouched. Drops the staging tables afterwards.
 */
export async function commitTables(
	db: Database,
	report: ValidationReport,
	options: CommitOptions = {}
): Promise<CommitResult[]> {
	if (options.excludeErrorRows === false && report.errors > 0)
		throw new Error(`Le lot contient ${report.errors} erreur(s) : rien n’a été chargé.`);
	const usable = report.files.filter((f) => f.committable && f.staging && f.table);
	const results: CommitResult[] = [];
	await db.exec('BEGIN TRANSACTION');
	try {
		for (const spec of TABLES) {
			const files = usable.filter((f) => f.table === spec.name);
			if (files.length === 0) continue;
			const renamed = files.length === 1 ? await renameStaging(db, spec.name, files[0]) : false;
			if (!renamed) await db.query(commitQuery(spec.name, files));
			const [{ n }] = await db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM ${table(spec.name)}`);
			const same = renamed === 'same-as-file' ? { sameAsFile: true as const } : {};
			results.push({ table: spec.name, rows: n, files: files.map((f) => f.file), ...same });
		}
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK');
		throw e;
	}
	await discardStaging(db, report);
	return results;
}

/** Beyond this many raw columns to drop (one statement each), copying the table is faster. */
const MAX_DROPPED_COLUMNS = 40;

/**
 * Whether a Parquet file's staged rows are its typed rows as they are: its columns are the
 * contract's, named and typed as the contract has them, in order, and each raw cell is its typed
 * value (a cell left `NULL` in staging is its typed value, see `projection` in `load.ts`).
 */
async function sameAsFile(db: Database, rows: string, name: TableName, f: FileReport, types: Map<string, string>) {
	const contract = tableSpec(name).columns;
	// Staging holds the raw cells and the typed columns, nothing else (no `__line`).
	if (f.format !== 'parquet' || f.header.length !== contract.length || types.size !== 2 * contract.length)
		return false;
	const pairs = contract.map((c, i) => ({ typed: c.name, raw: rawColumn(i), type: sqlType(c.type) }));
	const mapped = (p: (typeof pairs)[number], i: number) =>
		f.header[i] === p.typed && f.columns.some((m) => m.name === p.typed && m.index === i);
	if (!pairs.every((p, i) => mapped(p, i) && types.get(p.raw) === p.type && types.get(p.typed) === p.type))
		return false;
	// A column the file types as the contract does is its typed value as it is (`nativeValue` in
	// `cast.ts`): only text cells are compared, and most are `NULL` there (comparing every cell of
	// a million rows took a fifth of a second).
	const differs = pairs
		.filter((p) => p.type === 'VARCHAR')
		.map((p) => `(${ident(p.raw)} IS NOT NULL AND ${ident(p.raw)} IS DISTINCT FROM ${ident(p.typed)})`);
	if (differs.length === 0) return true;
	const [{ n }] = await db.query<{ n: number }>(
		sql`SELECT count(*)::INTEGER AS n FROM ${table(rows)} WHERE ${raw(differs.join(' OR '))}`
	);
	return n === 0;
}

/**
 * Commits one file's table by renaming its staging table, once its raw cells are dropped: no copy
 * (a million rows took 0.2–0.3 s to copy). Only when no row is left out and the remaining columns
 * are the contract's, in order; returns false, having changed nothing, otherwise, and
 * `same-as-file` when the table is its Parquet file's rows as they are (`sameAsFile`).
 */
async function renameStaging(db: Database, name: TableName, f: FileReport): Promise<boolean | 'same-as-file'> {
	if (!f.staging || f.errorLines.length > 0) return false;
	const rows = `${f.staging}_rows`;
	const columns = await db.query<{ name: string; type: string }>(
		sql`SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = ${rows} ORDER BY column_index`
	);
	const contract = tableSpec(name).columns.map((c) => c.name);
	const names = columns.map((c) => c.name);
	const extra = names.filter((c) => !contract.includes(c));
	if (extra.length > MAX_DROPPED_COLUMNS) return false;
	if (names.filter((c) => contract.includes(c)).join('\n') !== contract.join('\n')) return false;
	const same = await sameAsFile(db, rows, name, f, new Map(columns.map((c) => [c.name, c.type])));
	await db.exec(`DROP VIEW ${ident(f.staging)}`);
	for (const column of extra) await db.exec(`ALTER TABLE ${ident(rows)} DROP COLUMN ${ident(column)}`);
	await db.exec(`DROP TABLE IF EXISTS ${ident(name)}`);
	await db.exec(`ALTER TABLE ${ident(rows)} RENAME TO ${ident(name)}`);
	return same ? 'same-as-file' : true;
}

function commitQuery(name: TableName, files: FileReport[]) {
	const spec = tableSpec(name);
	const parts = files.map(
		(f, i) => sql`SELECT ${join(
			spec.columns.map((c) => columnOf(f, c.name)),
			', '
		)}, ${i} AS __file, __line FROM ${validRows(f)}`
	);
	const latest =
		files.length > 1
			? sql`QUALIFY row_number() OVER (PARTITION BY ${join(
					spec.key.map((k) => sql`${table(k)}`),
					', '
				)} ORDER BY __file DESC, __line DESC) = 1`
			: sql``;
	const typed = spec.columns.map((c) => sql`CAST(${table(c.name)} AS ${raw(sqlType(c.type))}) AS ${table(c.name)}`);
	// One file's rows keep their order as they are read (sorting a million rows again costs a third
	// of the commit); the row kept for each key of several files has to be put back in place.
	const order = files.length > 1 ? sql`ORDER BY __file, __line` : sql``;
	return sql`CREATE OR REPLACE TABLE ${table(name)} AS SELECT ${join(typed, ', ')} FROM (
		SELECT * FROM (${join(parts, ' UNION ALL ')}) ${latest}
	) ${order}`;
}
