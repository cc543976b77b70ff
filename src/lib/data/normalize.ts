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

/** An enumerated value as the contract spells it: spaces and underscores become `-`. */
export function normalizeEnum(text: string): string {
	return fold(text).replace(/[\s_]+/g, '-');
}
