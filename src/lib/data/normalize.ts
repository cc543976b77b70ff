/**
 * Matching rules for what people type: headers and enumerated values are compared after trimming,
 * lower-casing and removing accents, so `Département_code` is `departement_code` and
 * `Auto-Évaluation` is `auto-evaluation`. The SQL twin of `normalizeEnum` is in `cast.ts`.
 */

function fold(text: string): string {
	return text
		.replace(/^\ufeff/, '')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.trim()
		.toLowerCase();
}

/** A header as the contract names columns: spaces and dashes become `_`. */
export function normalizeHeader(text: string): string {
	return fold(text).replace(/[\s-]+/g, '_');
}

/**
 * What separates the words of an enumerated value, as people type it: spaces (no-break and narrow
 * ones too), underscores, hyphens and dashes (‐ ‑ ‒ – — −) and apostrophes (' ’ ‘ ʼ). A character
 * class for JavaScript and DuckDB's RE2 alike (RE2's `\s` is ASCII only, so every space is named).
 */
export const ENUM_SEPARATORS = "[ \\t\\n\\r\\f\\v\u00a0\u2007\u2009\u202f_\\-\u2010\u2011\u2012\u2013\u2014\u2212'\u2019\u2018\u02bc]";

const separators = new RegExp(`${ENUM_SEPARATORS}+`, 'g');

/**
 * An enumerated value as the contract spells it: each run of separators becomes one `-`, none at
 * either end, so `Auto - Évaluation`, `auto–évaluation` and `auto_evaluation` are all
 * `auto-evaluation`.
 */
export function normalizeEnum(text: string): string {
	return fold(text).replace(separators, '-').replace(/^-|-$/g, '');
}
