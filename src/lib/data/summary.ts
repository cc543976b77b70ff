import type { ValidationReport } from './report';
import { RULE_CODES, RULES, type Issue, type RuleCode } from './rules';

const count = (n: number) => n.toLocaleString('fr-FR');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n > 1 ? many : one}`;

/** One issue as `file:line:column: [rule] message` (absent line or column left out). */
export function formatIssue(issue: Issue): string {
	const place = [issue.file, issue.line ?? '', issue.column ?? ''].filter((p) => p !== '').join(':');
	return `${place}: [${issue.rule}] ${issue.message}`;
}

function byRule(report: ValidationReport, severity: 'error' | 'warning'): string {
	const parts = RULE_CODES.filter((r: RuleCode) => RULES[r].severity === severity && report.counts[r]).map(
		(r) => `${r} : ${count(report.counts[r] ?? 0)}`
	);
	return parts.length ? ` (${parts.join(', ')})` : '';
}

/** The batch in one French sentence, with exact counts per rule. */
export function summaryLine(report: ValidationReport, max?: number): string {
	const rows = report.files.reduce((sum, f) => sum + f.rows, 0);
	const files = plural(report.files.length, 'fichier', 'fichiers');
	const errors = plural(report.errors, 'erreur', 'erreurs') + byRule(report, 'error');
	const warnings = plural(report.warnings, 'avertissement', 'avertissements') + byRule(report, 'warning');
	const first =
		max === 1
			? 'Seul le premier cas de chaque règle est listé'
			: `Seuls les ${max === undefined ? '' : `${count(max)} `}premiers cas de chaque règle sont listés`;
	const truncated = report.files.some((f) => f.truncated) ? ` ${first} par fichier.` : '';
	return `Bilan : ${files}, ${plural(rows, 'ligne', 'lignes')} de données : ${errors}, ${warnings}.${truncated}`;
}
