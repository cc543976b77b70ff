/**
 * The ML search's rules, shared by its SQL (`db/queries/search.ts`) and its cube twin
 * (`cube/search.ts`).
 */

/** At most this many words of a search are used. */
export const SEARCH_MAX_WORDS = 6;

/**
 * Normalises text the way `normalizedColumn` does in SQL: lower case, no accents, typographic
 * apostrophes as `'`, hyphens as spaces, single spaces.
 */
export function normalizeSearch(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[’‘`]/g, "'")
		.replace(/-/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}
