import { detectDialect, type DecimalSeparator, type Delimiter } from './dialect';
import { decodeText, sniffKind, type Encoding } from './decode';
import { engineMessage } from './engineMessages';
import { LIMITS, sizeProblem } from './limits';
import { scanCsv, type NewLine, type Scan } from './scan';
import { rawColumn } from './cast';
import { storeRejects } from './rejects';
import { ident, join, raw, sql } from '../db/sql';
import type { Database, Query } from '../db/types';

/**
 * A file as given to the validator; `text`: its text, when the caller has already decoded it (then
 * `mixedEncodingLine`: the line from which it mixed UTF-8 and Windows-1252, if it did); `refused`:
 * why the caller did not even read it (too large).
 */
export type InputFile = {
	name: string;
	bytes: Uint8Array;
	text?: string;
	mixedEncodingLine?: number;
	refused?: string;
};

/** A file opened for staging: how it is written and its header, as the user wrote it. */
export type Opened = {
	kind: 'csv' | 'parquet';
	encoding: Encoding | null;
	delimiter: Delimiter | null;
	decimalSeparator: DecimalSeparator | null;
	header: string[];
	/** The DuckDB type of each column of a Parquet file (a CSV's cells are all text). */
	types: string[] | null;
	/** The decoded text of a CSV file, as DuckDB reads it (its bad records left out). */
	text: string | null;
	/** How a CSV's text splits into records: kept, blank, and bad ones (see `scanCsv`). */
	scan: Scan | null;
	/** The decoded text of a CSV file, whole (scanned again when DuckDB refuses the first scan's text). */
	source: string | null;
	/** The line from which a CSV mixes UTF-8 and Windows-1252, if it does. */
	mixedEncodingLine: number | null;
};

/** How staging builds a file's rows from a relation whose columns `c0…cN` hold its cells. */
export type Projection = {
	select: (cells: Query) => Query;
	/** The typed column of each raw column the contract knows: `NULL` whenever the cell is empty. */
	typedOf: ReadonlyMap<string, string>;
	/** Raw columns left `NULL` where the cell is its typed value: read from their typed column then. */
	folded: ReadonlySet<string>;
};

/** A file that cannot be read at all; the message (French) says why. */
export class UnreadableFile extends Error {}

const table = (name: string) => raw(ident(name));
const literal = (text: string) => raw(`'${text.replaceAll("'", "''")}'`);

const UNREADABLE = {
	excel: 'c’est un classeur (Excel, LibreOffice) : enregistrez-le au format CSV',
	utf16:
		'il est encodé en UTF-16 (« Texte Unicode » d’Excel), que le lecteur ne lit pas : réenregistrez-le en UTF-8 (« CSV UTF-8 »)',
	'parquet-truncated':
		'fichier Parquet tronqué : sa fin manque (téléchargement ou copie interrompus) ; exportez-le ou copiez-le à nouveau',
	binary:
		'ce n’est ni un CSV ni un Parquet (données binaires) : exportez la table en CSV UTF-8 ou en Parquet'
};

/** `new_line` as DuckDB's `read_csv` spells it (escaped). */
const NEW_LINE: Record<NewLine, string> = { '\n': '\\n', '\r\n': '\\r\\n', '\r': '\\r' };

const count = (n: number) => n.toLocaleString('fr-FR');
/** Bytes DuckDB may need for the longest line the scan lets through (UTF-8 takes up to 4 per character). */
const MAX_LINE_BYTES = 4 * LIMITS.lineChars + 1024;

/** Decodes and scans a CSV: refused whole when its header cannot be read or is beyond the limits. */
function openCsv(file: InputFile): Opened {
	const decoded =
		file.text !== undefined
			? { text: file.text, encoding: 'utf-8' as const, mixed: file.mixedEncodingLine ? { line: file.mixedEncodingLine } : undefined }
			: decodeText(file.bytes);
	const dialect = detectDialect(decoded.text);
	const header = dialect.header.length === 1 && dialect.header[0].trim() === '' ? [] : dialect.header;
	if (header.length > LIMITS.columns)
		throw new UnreadableFile(
			`l’en-tête compte ${count(header.length)} colonnes, au-delà de la limite de ${count(LIMITS.columns)} : vérifiez que c’est un CSV, séparé par des virgules ou des points-virgules`
		);
	const scan = header.length ? scanCsv(decoded.text, dialect.delimiter, header.length, false) : null;
	if (scan?.header.problem) throw new UnreadableFile(`la ligne 1 (l’en-tête) ne peut pas être lue : ${scan.header.problem}`);
	return {
		kind: 'csv',
		encoding: decoded.encoding,
		...dialect,
		header,
		types: null,
		text: scan?.text ?? decoded.text,
		scan,
		source: decoded.text,
		mixedEncodingLine: decoded.mixed?.line ?? null
	};
}

/**
 * Opens a file: a CSV is decoded (UTF-8, else Windows-1252), its dialect detected and its records
 * scanned; a Parquet file is loaded into `<prefix>_parquet`. Throws `UnreadableFile`, saying why
 * and what to do, for anything else or anything beyond the limits (`LIMITS`).
 */
export async function openFile(db: Database, prefix: string, file: InputFile): Promise<Opened> {
	const refused = file.refused ?? sizeProblem(file.bytes.length);
	if (refused) throw new UnreadableFile(refused);
	const kind = sniffKind(file.bytes);
	if (kind !== 'csv' && kind !== 'parquet') throw new UnreadableFile(UNREADABLE[kind]);
	if (kind === 'csv') return openCsv(file);
	try {
		await db.loadParquet(`${prefix}_parquet`, file.bytes);
	} catch (e) {
		throw new UnreadableFile(`fichier Parquet illisible (${engineMessage((e as Error).message)})`);
	}
	const columns = await db.query<{ name: string; type: string }>(
		sql`SELECT column_name AS name, data_type AS type FROM duckdb_columns()
			WHERE table_name = ${`${prefix}_parquet`} ORDER BY column_index`
	);
	if (columns.length > LIMITS.columns)
		throw new UnreadableFile(`le fichier compte ${count(columns.length)} colonnes, au-delà de la limite de ${count(LIMITS.columns)}`);
	const none = { encoding: null, delimiter: null, decimalSeparator: null, text: null, scan: null, source: null, mixedEncodingLine: null };
	return { kind, ...none, header: columns.map((c) => c.name), types: columns.map((c) => c.type) };
}

/** Reads a CSV text with `read_csv`: every column as text, no type detection. */
async function readCsv(
	db: Database,
	prefix: string,
	opened: Opened,
	project: Projection
): Promise<{ skipped: Query | null; rejects: string | null }> {
	let scan = opened.scan;
	const columns = opened.header.map((_, i) => `'${rawColumn(i)}': 'VARCHAR'`).join(', ');
	const rowsTable = table(`${prefix}_rows`);
	const read = async (text: string, newLine: NewLine | undefined) => {
		const path = await db.registerText(`${prefix}.csv`, text);
		// The record separator is told, never guessed: DuckDB guesses it from the first line break,
		// even one inside a quoted header cell, and then reads no row at all.
		const breaks = newLine ? sql`, new_line = ${literal(NEW_LINE[newLine])}` : sql``;
		const cells = sql`read_csv(${path}, header = true, auto_detect = false, columns = {${raw(columns)}},
			delim = ${literal(opened.delimiter ?? ',')}, quote = '"', escape = '"', max_line_size = ${raw(String(MAX_LINE_BYTES))}${breaks})`;
		await db.query(sql`CREATE OR REPLACE TABLE ${rowsTable} AS ${project.select(cells)}`);
	};
	try {
		// The scan left out every record DuckDB would reject but plain lines of the wrong width:
		// DuckDB reads strictly, and a refusal has the text scanned again, counting fields.
		await read(opened.text ?? '', scan?.newLine).catch(async (e) => {
			if (!scan || !opened.source) throw e;
			scan = scanCsv(opened.source, opened.delimiter ?? ',', opened.header.length, true);
			await read(scan.text, scan.newLine);
		});
	} catch (e) {
		throw new UnreadableFile(`le lecteur CSV n’a pas pu le lire (${engineMessage((e as Error).message)})`);
	}
	// Every line accounted for: the rows DuckDB kept are exactly the records the scan kept.
	const [{ n }] = await db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM ${rowsTable}`);
	if (scan && n !== scan.kept)
		throw new UnreadableFile(
			`le lecteur CSV a lu ${count(n)} lignes de données là où le fichier en compte ${count(scan.kept)} : vérifiez les guillemets et les sauts de ligne`
		);
	const rejects = scan ? await storeRejects(db, prefix, scan) : null;
	const blanks = scan?.blank ?? [];
	const skipped = [
		...(rejects ? [sql`SELECT line::INTEGER FROM ${table(rejects)}`] : []),
		...(blanks.length ? [sql`SELECT unnest(string_split(${blanks.join(',')}, ','))::INTEGER`] : [])
	];
	return { skipped: skipped.length ? join(skipped, ' UNION ALL ') : null, rejects };
}

/**
 * Loads the file's rows into `<prefix>_rows` (through `project`) and makes view `<prefix>` add
 * `__line`, the line a spreadsheet shows (header = 1): the n-th row read is on line n + 2 unless
 * lines before it were skipped (blank lines, lines rejected as malformed). The view shows every raw
 * cell as written, as text (`rawCells`). Returns DuckDB's table of rejected lines, if any.
 */
export async function loadRows(db: Database, prefix: string, opened: Opened, project: Projection): Promise<string | null> {
	let skipped: Query | null = null;
	let rejects: string | null = null;
	if (opened.kind === 'csv') ({ skipped, rejects } = await readCsv(db, prefix, opened, project));
	else {
		const renamed = opened.header.map((h, i) => `${ident(h)} AS ${ident(rawColumn(i))}`);
		const cells = sql`(SELECT ${raw(renamed.join(', '))} FROM ${table(`${prefix}_parquet`)})`;
		await db.query(sql`CREATE OR REPLACE TABLE ${table(`${prefix}_rows`)} AS ${project.select(cells)}`);
		await db.exec(`DROP TABLE IF EXISTS ${ident(`${prefix}_parquet`)}`);
	}
	const rows = table(`${prefix}_rows`);
	const cells = rawCells(opened, project);
	const replaced = cells.flatMap((c, i) => (c === ident(rawColumn(i)) ? [] : [`${c} AS ${ident(rawColumn(i))}`]));
	const replace = replaced.length ? `REPLACE (${replaced.join(', ')})` : '';
	if (!skipped) {
		await dropEmptyRows(db, rows.text, opened, project, cells);
		await db.exec(`CREATE OR REPLACE VIEW ${ident(prefix)} AS SELECT (rowid + 2)::INTEGER AS __line, * ${replace} FROM ${rows.text}`);
		return rejects;
	}
	// The lines of the kept rows are, in order, the integers from 2 up that are not skipped; the n-th
	// goes to the row whose rowid is n (an ASOF join, or copying the rows, was 5 to 10× slower).
	const lines = table(`${prefix}_lines`);
	await db.query(sql`CREATE OR REPLACE TABLE ${lines} AS
		WITH skipped AS (SELECT DISTINCT line FROM (${skipped}) AS s(line)),
		kept AS (SELECT count(*) AS n FROM ${rows}),
		numbers AS (
			SELECT x FROM range(2, (SELECT n FROM kept) + (SELECT count(*) FROM skipped) + 2) t(x)
			WHERE x NOT IN (SELECT line FROM skipped) ORDER BY x LIMIT (SELECT n FROM kept)
		)
		SELECT row_number() OVER (ORDER BY x) - 1 AS k, x::INTEGER AS line FROM numbers`);
	await db.exec(`ALTER TABLE ${rows.text} ADD COLUMN __line INTEGER`);
	await db.exec(`UPDATE ${rows.text} SET __line = l.line FROM ${lines.text} l WHERE ${rows.text}.rowid = l.k`);
	await db.exec(`DROP TABLE ${lines.text}`);
	await dropEmptyRows(db, rows.text, opened, project, cells);
	await db.exec(`CREATE OR REPLACE VIEW ${ident(prefix)} AS SELECT __line, * EXCLUDE (__line) ${replace} FROM ${rows.text}`);
	return rejects;
}

/**
 * Each raw cell of the staging rows as the file wrote it, as text: a Parquet column of another type
 * cast (only the few cells a report quotes are ever written out), a folded cell read from its typed
 * column where it is `NULL`.
 */
function rawCells(opened: Opened, project: Projection): string[] {
	return opened.header.map((_, i) => {
		const c = ident(rawColumn(i));
		const typed = project.typedOf.get(rawColumn(i));
		if (typed && project.folded.has(rawColumn(i))) return `coalesce(${c}, ${ident(typed)})`;
		return opened.types && opened.types[i] !== 'VARCHAR' ? `CAST(${c} AS VARCHAR)` : c;
	});
}

/**
 * Deletes the rows whose cells are all empty (Excel writes `;;;;;;` lines below a formatted table):
 * they hold no data. Their lines keep their numbers: a row's line is its position, set before. A
 * typed value means a cell is not empty: testing them first spares reading every cell's text.
 */
async function dropEmptyRows(db: Database, rows: string, opened: Opened, project: Projection, cells: string[]): Promise<void> {
	if (cells.length === 0) return;
	const typed = [...project.typedOf.values()].map((t) => `${ident(t)} IS NULL`);
	const empty = cells.map((c, i) =>
		opened.types && opened.types[i] !== 'VARCHAR' ? `${ident(rawColumn(i))} IS NULL` : `coalesce(trim(${c}), '') = ''`
	);
	await db.exec(`DELETE FROM ${rows} WHERE ${[...typed, ...empty].join(' AND ')}`);
}

/**
 * Drops a file's staging relations: the scratch ones (`scratch`: rejected lines, shifts, Parquet
 * copy) once checked, or all of them (`all`: also its rows and issues).
 */
export async function dropStaging(db: Database, prefix: string, scope: 'scratch' | 'all'): Promise<void> {
	const suffixes = ['lines', 'rejects', 'rejects_scan', 'parquet'];
	if (scope === 'all') {
		await db.exec(`DROP VIEW IF EXISTS ${ident(prefix)}`);
		suffixes.push('rows', 'issues');
	}
	for (const suffix of suffixes) await db.exec(`DROP TABLE IF EXISTS ${ident(`${prefix}_${suffix}`)}`);
}
