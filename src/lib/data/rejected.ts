import Papa from 'papaparse';
import { rawColumn } from './cast';
import { REJECTED_COLUMNS, tableSpec, type ColumnSpec } from './contract';
import { LIMITS } from './limits';
import type { ValidationReport } from './report';
import { ERROR_RULES, message, type RuleCode } from './rules';
import { ident, join, raw, sql } from '../db/sql';
import { formatInteger } from '../format/numbers';
import type { Database } from '../db/types';

/** A rejected row: the file's cells by header name, plus `ligne` and `motif`. */
export type RejectedRow = Record<string, string | null>;

type Row = { line: number; rule: RuleCode; col: number | null; value: string | null; detail: string | null } & Record<
	string,
	string | number | null
>;

/**
 * The rows of `file` that have errors, as the user wrote them (one cell per header column) with
 * `ligne` (its line, header = 1) and `motif` (« rule: message », several joined by « | »). Ready for
 * a rejected-rows CSV (e.g. `toCsv(rows, columns)`); call it before `commitTables`, which drops the
 * staging tables. A line the CSV reader could not split (`ligne-mal-formee`) is split here as a
 * spreadsheet would, its full text staying in `motif`. Only the first `max` lines are returned
 * (`LIMITS.rejectedRows`); `total` counts them all.
 */
export async function rejectedRows(
	db: Database,
	report: ValidationReport,
	file: string,
	max: number = LIMITS.rejectedRows
): Promise<{ columns: string[]; rows: RejectedRow[]; total: number }> {
	const f = report.files.find((r) => r.file === file);
	if (!f?.staging || !f.table) return { columns: [], rows: [], total: 0 };
	const spec = tableSpec(f.table);
	const specs = new Map<number, ColumnSpec>(
		f.columns.map((c) => [c.index, spec.columns.find((s) => s.name === c.name)!])
	);
	const added: readonly string[] = REJECTED_COLUMNS;
	const kept = f.header.map((h, index) => ({ h, index })).filter(({ h }) => !added.includes(h));
	const cells = kept.map(({ index }) => sql`s.${raw(ident(rawColumn(index)))} AS ${raw(ident(`cell_${index}`))}`);
	const issues = raw(ident(`${f.staging}_issues`));
	const lines = sql`SELECT DISTINCT line FROM ${issues} WHERE line IS NOT NULL AND rule IN ${ERROR_RULES}`;
	const [{ total }] = await db.query<{ total: number }>(sql`SELECT count(*)::INTEGER AS total FROM (${lines})`);
	const rows = await db.query<Row>(sql`WITH first AS (${lines} ORDER BY line LIMIT ${max})
		SELECT i.line, i.rule, i.col, i.value, i.detail
		${cells.length ? sql`, ${join(cells, ', ')}` : sql``}
		FROM ${issues} i JOIN first USING (line) LEFT JOIN ${raw(ident(f.staging))} s ON s.__line = i.line
		WHERE i.rule IN ${ERROR_RULES}
		ORDER BY i.line, i.col NULLS FIRST, i.rule`);
	// Rows come by line: consecutive issues of one line become one rejected row.
	const byLine = new Map<number, { row: RejectedRow; motifs: string[] }>();
	for (const r of rows) {
		let entry = byLine.get(r.line);
		if (!entry) {
			const split = r.rule === 'ligne-mal-formee' ? splitLine(r.value, f.delimiter) : null;
			const row: RejectedRow = {};
			for (const { h, index } of kept)
				row[h] = (split ? split[index] || null : (r[`cell_${index}`] as string | null)) ?? null;
			row.ligne = String(r.line);
			entry = { row, motifs: [] };
			byLine.set(r.line, entry);
		}
		const column = r.col === null ? null : f.header[r.col];
		const spec = r.col === null ? undefined : specs.get(r.col);
		const finding = { rule: r.rule, line: r.line, column, value: r.value, detail: r.detail, spec };
		entry.motifs.push(`${r.rule}: ${message(finding)}`);
	}
	const out = [...byLine.values()].map(({ row, motifs }) => ({ ...row, motif: motifs.join(' | ') }));
	return { columns: [...kept.map(({ h }) => h), ...REJECTED_COLUMNS], rows: out, total };
}

/**
 * What a rejected-rows file says, as its last row, when it holds only the first `rows` of `total`
 * lines with errors (`LIMITS.rejectedRows`), and how to get the others; null when it holds them all.
 * The report says the same next to its download link.
 */
export function cappedNotice(rows: number, total: number): string | null {
	if (rows >= total) return null;
	const first = rows > 1 ? `les ${formatInteger(rows)} premières lignes` : 'la première ligne';
	const others = total - rows > 1 ? `les ${formatInteger(total - rows)} autres` : 'l’autre';
	return (
		`Ce fichier ne contient que ${first} en erreur sur ${formatInteger(total)} ` +
		`(limite du fichier des lignes rejetées). Pour ${others}, corrigez celles-ci ` +
		`puis contrôlez le fichier à nouveau, ou listez-les toutes avec « npm run validate -- <fichier> --max ${total} ».`
	).replaceAll('« ', '«\u202f').replaceAll(' »', '\u202f»');
}

/** The cells of a line the CSV reader could not split (its first 200 characters are kept). */
function splitLine(line: string | null, delimiter: string | null): string[] | null {
	if (!line) return null;
	const [cells] = Papa.parse<string[]>(line, { delimiter: delimiter ?? ',', header: false }).data;
	return cells ?? null;
}
