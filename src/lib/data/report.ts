import type { ColumnSpec, TableName } from './contract';
import type { Encoding } from './decode';
import type { DecimalSeparator, Delimiter } from './dialect';
import { ERROR_RULES, RULE_CODES, RULES, toIssue, type Finding, type Issue, type RuleCode } from './rules';
import { ident, raw, sql } from '../db/sql';
import type { Database } from '../db/types';

/** Exact number of issues per rule (the report keeps only the first examples of each). */
export type RuleCounts = Partial<Record<RuleCode, number>>;

/** A contract column found in a file: contract name, name as written, position in the header. */
export type FileColumn = { name: string; header: string; index: number };

/** What the validator found about one file. */
export type FileReport = {
	file: string;
	/** False when the file could not be read at all (missing, not CSV/Parquet). */
	readable: boolean;
	format: 'csv' | 'parquet' | null;
	table: TableName | null;
	/** Data rows read (header and blank lines excluded; malformed lines included). */
	rows: number;
	encoding: Encoding | null;
	delimiter: Delimiter | null;
	decimalSeparator: DecimalSeparator | null;
	/** The header as written, and the contract columns found in it. */
	header: string[];
	columns: FileColumn[];
	counts: RuleCounts;
	errors: number;
	warnings: number;
	/** The first issues of each rule (at most `maxIssuesPerRule`), by line. */
	issues: Issue[];
	truncated: boolean;
	/** Lines (header = 1) of every row with at least one error. */
	errorLines: number[];
	/** Whether the file's valid rows can be committed (no file-level error). */
	committable: boolean;
	/** Rows of this file replaced by rows with the same key in a later file of the batch. */
	replacedRows: number;
	/** Staging table holding the rows until `commitTables` or `discardStaging`. */
	staging: string | null;
};

/** What the validator found about a batch of files. */
export type ValidationReport = {
	files: FileReport[];
	/** Every file's kept issues, file by file. */
	issues: Issue[];
	counts: RuleCounts;
	errors: number;
	warnings: number;
	/** True when some file could not be read at all. */
	unreadable: boolean;
};

/** Columns of the issues table each staged file gets. */
export const ISSUES_COLUMNS = 'rule VARCHAR, line INTEGER, col INTEGER, value VARCHAR, detail VARCHAR';

type IssueRow = { rule: RuleCode; line: number | null; col: number | null; value: string | null; detail: string | null };

const severityTotals = (counts: RuleCounts) => {
	let errors = 0;
	let warnings = 0;
	for (const [rule, n] of Object.entries(counts) as [RuleCode, number][])
		if (RULES[rule].severity === 'error') errors += n;
		else warnings += n;
	return { errors, warnings };
};

/**
 * Reads a file's issues table back: exact counts per rule, the first `max` findings of each rule
 * phrased in French, and the lines with errors. `extra` holds file-level findings made in JS.
 */
export async function summarizeIssues(
	db: Database,
	file: string,
	issuesTable: string | null,
	context: { header: string[]; specs: Map<number, ColumnSpec> },
	extra: Finding[],
	max: number
) {
	const counts: RuleCounts = {};
	const findings: Finding[] = [];
	for (const f of extra) {
		counts[f.rule] = (counts[f.rule] ?? 0) + 1;
		if ((counts[f.rule] ?? 0) <= max) findings.push(f);
	}
	let errorLines: number[] = [];
	if (issuesTable) {
		const t = raw(ident(issuesTable));
		for (const r of await db.query<{ rule: RuleCode; n: number }>(
			sql`SELECT rule, count(*)::INTEGER AS n FROM ${t} GROUP BY rule`
		))
			counts[r.rule] = (counts[r.rule] ?? 0) + r.n;
		const rows = await db.query<IssueRow>(sql`SELECT * FROM ${t}
			QUALIFY row_number() OVER (PARTITION BY rule ORDER BY line, col) <= ${max}`);
		for (const r of rows)
			findings.push({
				rule: r.rule,
				line: r.line,
				column: r.col === null ? null : context.header[r.col],
				value: r.value,
				detail: r.detail,
				spec: r.col === null ? undefined : context.specs.get(r.col)
			});
		const [{ lines }] = await db.query<{ lines: string | null }>(
			sql`SELECT string_agg(line::VARCHAR, ',' ORDER BY line) AS lines
				FROM (SELECT DISTINCT line FROM ${t} WHERE line IS NOT NULL AND rule IN ${ERROR_RULES})`
		);
		errorLines = lines ? lines.split(',').map(Number) : [];
	}
	const order = (rule: RuleCode) => RULE_CODES.indexOf(rule);
	const position = (f: Finding) => (f.column === null ? -1 : context.header.indexOf(f.column));
	findings.sort(
		(a, b) =>
			(a.line ?? 0) - (b.line ?? 0) || position(a) - position(b) || order(a.rule) - order(b.rule)
	);
	const issues = findings.map((f) => toIssue(file, f));
	const truncated = Object.values(counts).some((n) => n > max);
	return { counts, ...severityTotals(counts), issues, truncated, errorLines };
}

/** Adds up the files' reports into the batch's. */
export function batchReport(files: FileReport[]): ValidationReport {
	const counts: RuleCounts = {};
	for (const f of files)
		for (const [rule, n] of Object.entries(f.counts) as [RuleCode, number][]) counts[rule] = (counts[rule] ?? 0) + n;
	return {
		files,
		issues: files.flatMap((f) => f.issues),
		counts,
		...severityTotals(counts),
		unreadable: files.some((f) => !f.readable)
	};
}

/** The report of a file that could not even be opened (missing, a directory…). */
export function unreadableFile(file: string, detail: string): FileReport {
	const issue = toIssue(file, { rule: 'fichier-illisible', line: null, column: null, value: null, detail });
	return {
		file,
		readable: false,
		format: null,
		table: null,
		rows: 0,
		encoding: null,
		delimiter: null,
		decimalSeparator: null,
		header: [],
		columns: [],
		counts: { 'fichier-illisible': 1 },
		errors: 1,
		warnings: 0,
		issues: [issue],
		truncated: false,
		errorLines: [],
		committable: false,
		replacedRows: 0,
		staging: null
	};
}
