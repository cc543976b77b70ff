import { rejectChecks, rowChecks, type References } from './checks';
import type { ColumnSpec, TableName } from './contract';
import { fileFinding, load, type Loaded } from './load';
import { findReferences, REFERENCE_OF } from './references';
import { replacements } from './replace';
import { batchReport, ISSUES_COLUMNS, summarizeIssues, type FileReport, type ValidationReport } from './report';
import { toIssue, type Finding, type RuleCode } from './rules';
import { dropStaging, type InputFile } from './stage';
import { ident, join, raw, sql } from '../db/sql';
import type { Database } from '../db/types';

export type { InputFile } from './stage';

export type ValidateOptions = {
	/** Issues kept per rule and per file (counts stay exact). Default `MAX_ISSUES_PER_RULE`. */
	maxIssuesPerRule?: number;
	/** Forces a file's table, by file name, instead of recognising it by its columns. */
	tables?: Record<string, TableName>;
};

/** Issues a report keeps per rule and per file unless told otherwise; the counts stay exact. */
export const MAX_ISSUES_PER_RULE = 100;

/** Staging names are unique per module instance, so batches never collide. */
let batches = 0;

const FILE_LEVEL_ERRORS = new Set<RuleCode>([
	'fichier-illisible',
	'fichier-vide',
	'table-inconnue',
	'colonne-manquante',
	'colonne-en-double'
]);

function missingReferences(l: Loaded, refs: References): Finding[] {
	const available: Record<string, unknown> = {
		criteria: refs.criteria,
		elements: refs.elements,
		departements: refs.departements,
		missions_locales: l.recognition?.table?.name === 'missions_locales' ? true : refs.missionsLocales
	};
	return (l.recognition?.mapped ?? [])
		.filter((m) => REFERENCE_OF[m.spec.type] && !available[REFERENCE_OF[m.spec.type]])
		.map((m) => ({ ...fileFinding('controle-impossible', REFERENCE_OF[m.spec.type]), column: m.header }));
}

/** Runs the SQL checks of a loaded file into its issues table and reads the outcome back. */
async function check(db: Database, l: Loaded, refs: References, max: number): Promise<FileReport> {
	const { opened, recognition: r, input, prefix } = l;
	const table = r?.table ?? null;
	let issuesTable: string | null = null;
	if (opened && table && r) {
		issuesTable = `${prefix}_issues`;
		await db.exec(`CREATE OR REPLACE TABLE ${ident(issuesTable)} (${ISSUES_COLUMNS})`);
		const checks = rowChecks({ table: prefix, spec: table, mapped: r.mapped }, refs);
		if (l.rejects) checks.push(rejectChecks(l.rejects));
		// A header that holds none of its table's columns (a file recognised by its name) has no check.
		if (checks.length) await db.query(sql`INSERT INTO ${raw(ident(issuesTable))} ${join(checks, ' UNION ALL ')}`);
		l.findings.push(...missingReferences(l, refs));
	}
	const specs = new Map<number, ColumnSpec>((r?.mapped ?? []).map((m) => [m.index, m.spec]));
	const header = opened?.header ?? [];
	const summary = await summarizeIssues(db, input.name, issuesTable, { header, specs }, l.findings, max);
	const committable = table !== null && !l.findings.some((f) => FILE_LEVEL_ERRORS.has(f.rule));
	return {
		file: input.name,
		readable: opened !== null,
		format: opened?.kind ?? null,
		table: table?.name ?? null,
		rows: l.rows,
		encoding: opened?.encoding ?? null,
		delimiter: opened?.delimiter ?? null,
		decimalSeparator: opened?.decimalSeparator ?? null,
		header,
		columns: (r?.mapped ?? []).map((m) => ({ name: m.spec.name, header: m.header, index: m.index })),
		...summary,
		committable,
		replacedRows: 0,
		staging: table ? prefix : null
	};
}

/**
 * Validates a batch of CSV/Parquet files together, entirely in SQL on `db` (same path in Node and
 * in the browser): decodes, detects the dialect, recognises each file's table, loads its cells as
 * text and typed, checks them against the contract and the reference tables, and keeps the rows in
 * staging relations for `commitTables` (or `discardStaging`).
 */
export async function validateFiles(
	db: Database,
	files: readonly InputFile[],
	options: ValidateOptions = {}
): Promise<ValidationReport> {
	const batch = ++batches;
	const prefixes = files.map((_, i) => `staging_${batch}_${i + 1}`);
	try {
		return await validateBatch(db, files, prefixes, options);
	} catch (e) {
		for (const prefix of prefixes) await dropStaging(db, prefix, 'all');
		throw e;
	}
}

async function validateBatch(
	db: Database,
	files: readonly InputFile[],
	prefixes: string[],
	options: ValidateOptions
): Promise<ValidationReport> {
	const max = options.maxIssuesPerRule ?? MAX_ISSUES_PER_RULE;
	const loaded: Loaded[] = [];
	for (const [i, input] of files.entries())
		loaded.push(await load(db, input, prefixes[i], options.tables?.[input.name]));
	const batchMissionsLocales = loaded
		.filter((l) => l.recognition?.table?.name === 'missions_locales')
		.filter((l) => l.recognition?.mapped.some((m) => m.spec.name === 'ml_id'))
		.map((l) => l.prefix);
	const refs = await findReferences(db, batchMissionsLocales);
	const reports: FileReport[] = [];
	for (const l of loaded) {
		const report = await check(db, l, refs, max);
		reports.push(report);
		await dropStaging(db, l.prefix, report.staging ? 'scratch' : 'all');
	}
	for (const { report, count, later } of await replacements(db, reports)) {
		const finding: Finding = { ...fileFinding('lignes-remplacees', later.join('\n')), value: String(count) };
		report.replacedRows = count;
		report.issues.push(toIssue(report.file, finding));
		report.counts['lignes-remplacees'] = 1;
		report.warnings += 1;
	}
	return batchReport(reports);
}

/** Drops a batch's staging relations without committing anything. */
export async function discardStaging(db: Database, report: ValidationReport): Promise<void> {
	for (const f of report.files) if (f.staging) await dropStaging(db, f.staging, 'all');
}
