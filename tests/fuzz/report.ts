/**
 * What every validation report must be, whatever the file: one structured, French answer per file,
 * every issue with a known rule, its file, a line within the file and a column it can name.
 */
import { TABLES } from '../../src/lib/data/contract';
import { RULE_CODES, RULES, type ValidationReport } from '../../src/lib/data';

const CONTRACT_COLUMNS = new Set(TABLES.flatMap((t) => t.columns.map((c) => c.name)));
/** Engine text that must never reach the user (checked outside the « » quoting the user's values). */
const ENGINE = /Error|Exception|exceeded|Could not|Binder|Parser|Conversion|Invalid Input|undefined|\[object/;

/** The lines of a text as a text editor counts them (a final line break ends the last line). */
export function physicalLines(bytes: Uint8Array): number {
	let n = 1;
	for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) n++;
	return n;
}

/** Throws, saying what is wrong, unless `report` is a well-formed answer for the one file `name`. */
export function assertStructured(report: ValidationReport, name: string, bytes: Uint8Array): void {
	const fail = (what: string, detail?: unknown) => {
		throw new Error(`${what}${detail === undefined ? '' : ` : ${JSON.stringify(detail).slice(0, 500)}`}`);
	};
	if (report.files.length !== 1) fail('one report per file', report.files.length);
	const [file] = report.files;
	if (file.file !== name) fail('the report names the file', file.file);
	if (!Number.isInteger(file.rows) || file.rows < 0) fail('a row count', file.rows);
	// A Parquet row is numbered as a spreadsheet would show it (header = 1): lines up to rows + 1.
	const lines = file.format === 'parquet' ? file.rows + 1 : physicalLines(bytes);
	if (file.format === 'csv' && file.rows > lines - 1)
		fail('no more rows than lines', { rows: file.rows, lines });
	const columns = new Set([...file.header, ...CONTRACT_COLUMNS, '(sans nom)']);
	let errors = 0;
	let warnings = 0;
	for (const [rule, n] of Object.entries(file.counts)) {
		if (!RULE_CODES.includes(rule as never)) fail('a known rule', rule);
		if (RULES[rule as keyof typeof RULES].severity === 'error') errors += n!;
		else warnings += n!;
	}
	if (errors !== file.errors || warnings !== file.warnings) fail('totals add up', { errors, warnings, file });
	if (!file.readable && !file.counts['fichier-illisible']) fail('an unreadable file says why', file.issues);
	if (file.rows === 0 && file.errors === 0) fail('a file without rows is an error', file);
	for (const issue of file.issues) {
		if (!RULE_CODES.includes(issue.rule)) fail('a known rule', issue);
		if (issue.file !== name) fail('the issue names its file', issue);
		if (issue.severity !== RULES[issue.rule].severity) fail('the rule’s severity', issue);
		if (issue.line !== null && !(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= lines))
			fail('a line within the file', { issue, lines });
		if (issue.column !== null && !columns.has(issue.column))
			fail('a column of the file or the contract', issue);
		if (typeof issue.message !== 'string' || issue.message.length < 10) fail('a message', issue);
		const outsideValues = issue.message.replace(/«[^]*?»/g, '');
		if (ENGINE.test(outsideValues)) fail('a French message, no engine text', issue);
		if ((file.counts[issue.rule] ?? 0) < 1) fail('a counted issue', issue);
	}
	for (const line of file.errorLines)
		if (!(line >= 1 && line <= lines)) fail('error lines within the file', file.errorLines);
	if (report.errors !== file.errors || report.unreadable !== !file.readable)
		fail('the batch adds its file up', report);
}
