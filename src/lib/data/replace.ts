import { sqlType, tableSpec } from './contract';
import type { FileReport } from './report';
import { ERROR_RULES } from './rules';
import { ident, join, raw, sql } from '../db/sql';
import type { Database, Query } from '../db/types';

const table = (name: string) => raw(ident(name));

/** A staged file's rows without its error rows. */
export function validRows(f: FileReport): Query {
	if (!f.staging) throw new Error(`No staging table for ${f.file}`);
	return sql`(SELECT * FROM ${table(f.staging)} WHERE __line NOT IN
		(SELECT line FROM ${table(`${f.staging}_issues`)} WHERE line IS NOT NULL AND rule IN ${ERROR_RULES}))`;
}

/** A contract column of a staged file, `NULL` of the right type when the file lacks it. */
export function columnOf(f: FileReport, name: string): Query {
	const spec = tableSpec(f.table!).columns.find((c) => c.name === name)!;
	return f.columns.some((c) => c.name === name)
		? sql`${table(name)}`
		: sql`CAST(NULL AS ${raw(sqlType(spec.type))}) AS ${table(name)}`;
}

function keys(f: FileReport): Query {
	const names = tableSpec(f.table!).key;
	return sql`SELECT ${join(
		names.map((n) => columnOf(f, n)),
		', '
	)} FROM ${validRows(f)}`;
}

/**
 * For each committable file followed by files of the same table in the batch: how many of its rows
 * a later file replaces (same key; an empty optional key value matches an empty one).
 */
export async function replacements(
	db: Database,
	reports: FileReport[]
): Promise<{ report: FileReport; count: number; later: string[] }[]> {
	const found: { report: FileReport; count: number; later: string[] }[] = [];
	const usable = reports.filter((r) => r.committable && r.table && r.staging);
	for (const [i, report] of usable.entries()) {
		const later = usable.slice(i + 1).filter((r) => r.table === report.table);
		if (later.length === 0) continue;
		const names = tableSpec(report.table!).key;
		const on = join(
			names.map((n) => sql`a.${table(n)} IS NOT DISTINCT FROM b.${table(n)}`),
			' AND '
		);
		const others = join(
			later.map((r) => keys(r)),
			' UNION ALL '
		);
		const [{ n }] = await db.query<{ n: number }>(
			sql`SELECT count(*)::INTEGER AS n FROM (${keys(report)}) a SEMI JOIN (${others}) b ON ${on}`
		);
		if (n > 0) found.push({ report, count: n, later: later.map((r) => r.file) });
	}
	return found;
}
