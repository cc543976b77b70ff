/** The validator's public API: validate a batch of files, commit it, export its rejected rows. */
export { validateFiles, discardStaging, type ValidateOptions, type InputFile } from './validate';
export { commitTables, type CommitOptions, type CommitResult } from './commit';
export { cappedNotice, rejectedRows, type RejectedRow } from './rejected';
export { batchReport, unreadableFile } from './report';
export type { FileReport, ValidationReport, RuleCounts, FileColumn } from './report';
export { RULES, RULE_CODES, type Issue, type RuleCode, type Severity } from './rules';
export { formatIssue, summaryLine } from './summary';
