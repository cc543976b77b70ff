import { rawColumn, typedAsWritten, typedColumn } from './cast';
import { sqlType, type TableName } from './contract';
import { recognizeTable, type Recognition } from './recognize';
import type { Finding } from './rules';
import { loadRows, openFile, UnreadableFile, type InputFile, type Opened, type Projection } from './stage';
import { ident, join, raw, sql } from '../db/sql';
import type { Database } from '../db/types';

/** A file read into staging `prefix` (a relation with `__line`, the raw cells and the typed columns). */
export type Loaded = {
	input: InputFile;
	prefix: string;
	opened: Opened | null;
	recognition: Recognition | null;
	/** DuckDB's table of lines it could not split, if any. */
	rejects: string | null;
	rows: number;
	/** File-level findings, made in JS. */
	findings: Finding[];
};

/** A finding about the whole file. */
export const fileFinding = (rule: Finding['rule'], detail: string | null = null): Finding => ({
	rule,
	line: null,
	column: null,
	value: null,
	detail
});

/** A finding about the header: on line 1 of a CSV (a Parquet file has no lines). */
function headerFinding(
	opened: Opened,
	rule: Finding['rule'],
	column: string | null,
	value: string | null = null,
	detail: string | null = null
): Finding {
	return { rule, line: opened.kind === 'csv' ? 1 : null, column, value, detail };
}

function headerFindings(opened: Opened, r: Recognition): Finding[] {
	const at = (rule: Finding['rule'], column: string | null, value: string | null = null, detail: string | null = null) =>
		headerFinding(opened, rule, column, value, detail);
	if (!r.table) return [at('table-inconnue', null, opened.header.join(', '), r.ambiguous.join(', ') || null)];
	return [
		...r.missing.filter((c) => c.required).map((c) => at('colonne-manquante', c.name)),
		...r.repeated.map((c) => at('colonne-en-double', c.header, null, c.first))
	];
}

/**
 * Columns that are not the table's, each a warning — except an unnamed column without a single
 * value (Excel writes `;;` after a formatted table): it holds nothing to warn about.
 */
async function extraColumnFindings(db: Database, prefix: string, opened: Opened, r: Recognition): Promise<Finding[]> {
	const unnamed = r.extras.filter((c) => c.header.trim() === '');
	const counts = unnamed.map((c) => `count(${ident(rawColumn(c.index))})::INTEGER AS ${ident(`n${c.index}`)}`);
	const [filled] = unnamed.length
		? await db.query<Record<string, number>>(sql`SELECT ${raw(counts.join(', '))} FROM ${raw(ident(prefix))}`)
		: [{}];
	return r.extras
		.filter((c) => c.header.trim() !== '' || filled[`n${c.index}`] > 0)
		.map((c) => headerFinding(opened, 'colonnes-en-trop', c.header || '(sans nom)'));
}

/**
 * The staging rows of a file: its raw cells `c0…cN`, then the table's columns in the contract's
 * order and types: a column found typed from its cell's text (or from a Parquet column's own type),
 * a missing one `NULL`. Without its raw cells, the staging table is the contract's table. A raw
 * cell whose typed value is the cell as written is left `NULL` (`folded`): it is read from its typed column.
 */
function projection({ header, types }: Opened, r: Recognition): Projection {
	const typedOf = new Map(r.mapped.map((m) => [rawColumn(m.index), m.spec.name]));
	const folded = new Set<string>();
	const rawCells = header.map((_, i) => {
		const c = sql`${raw(ident(rawColumn(i)))}`;
		const m = r.mapped.find((x) => x.index === i);
		const same = m ? typedAsWritten(m.spec, rawColumn(i), types?.[i]) : null;
		if (!m || !same) return c;
		folded.add(rawColumn(i));
		return sql`CASE WHEN ${same} THEN NULL ELSE ${c} END AS ${c}`;
	});
	const typed = (r.table?.columns ?? []).map((spec) => {
		const m = r.mapped.find((c) => c.spec === spec);
		if (m) return typedColumn(spec, rawColumn(m.index), types?.[m.index]);
		return sql`CAST(NULL AS ${raw(sqlType(spec.type))}) AS ${raw(ident(spec.name))}`;
	});
	return { select: (cells) => sql`SELECT ${join([...rawCells, ...typed], ', ')} FROM ${cells}`, typedOf, folded };
}

/** Data rows read: the rows DuckDB kept plus the lines it rejected as malformed. */
async function countRows(db: Database, prefix: string, rejects: string | null): Promise<number> {
	const kept = sql`SELECT count(*) FROM ${raw(ident(prefix))}`;
	const rejected = rejects ? sql`SELECT count(DISTINCT line) FROM ${raw(ident(rejects))}` : sql`SELECT 0`;
	const [{ n }] = await db.query<{ n: number }>(sql`SELECT ((${kept}) + (${rejected}))::INTEGER AS n`);
	return n;
}

/** Opens a file, recognises its table from its header and loads its rows, typed, into staging `prefix`. */
export async function load(db: Database, input: InputFile, prefix: string, forced?: TableName): Promise<Loaded> {
	const loaded: Loaded = { input, prefix, opened: null, recognition: null, rejects: null, rows: 0, findings: [] };
	try {
		loaded.opened = await openFile(db, prefix, input);
		const { header, mixedEncodingLine } = loaded.opened;
		if (mixedEncodingLine) loaded.findings.push({ ...fileFinding('encodage-mixte'), line: mixedEncodingLine });
		if (header.length > 0) {
			const r = recognizeTable(header, input.name, forced);
			loaded.recognition = r;
			loaded.findings.push(...headerFindings(loaded.opened, r));
			loaded.rejects = await loadRows(db, prefix, loaded.opened, projection(loaded.opened, r));
			loaded.rows = await countRows(db, prefix, loaded.rejects);
			if (r.table) loaded.findings.push(...(await extraColumnFindings(db, prefix, loaded.opened, r)));
		}
	} catch (e) {
		if (!(e instanceof UnreadableFile)) throw e;
		loaded.opened = null;
		loaded.findings.push(fileFinding('fichier-illisible', e.message));
		return loaded;
	}
	if (loaded.rows === 0) loaded.findings.unshift(fileFinding('fichier-vide'));
	return loaded;
}
