import { normalizeSearch, SEARCH_MAX_WORDS } from '../../model/search';
import { join, sql } from '../sql';
import type { Query } from '../types';
export type { MlMatch } from '../../model/rows';

/** A LIKE pattern matching `word` anywhere; `\`, `%` and `_` in it match themselves. */
export function containsPattern(word: string): string {
	return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The SQL twin of `normalizeSearch` on the name, commune and id of an ML. */
const haystack = sql`replace(replace(strip_accents(lower(
	m.nom || ' ' || coalesce(m.commune, '') || ' ' || m.ml_id)), '’', ''''), '-', ' ')`;
const communeKey = sql`replace(replace(strip_accents(lower(coalesce(m.commune, ''))), '’', ''''), '-', ' ')`;

/**
 * Finds MLs whose name, commune or id contains every word of `term`, ignoring case and accents.
 * MLs whose commune starts with the term come first, then shorter names. Returns no row for an
 * empty term. Ties are broken by id, so that the first `limit` matches are always the same.
 */
export function mlSearchQuery(term: string, limit = 10): Query {
	const normalized = normalizeSearch(term);
	const words = normalized.split(' ').filter(Boolean).slice(0, SEARCH_MAX_WORDS);
	if (words.length === 0) return sql`SELECT NULL AS ml_id WHERE false`;
	const conditions = words.map((w) => sql`${haystack} LIKE ${containsPattern(w)} ESCAPE '\\'`);
	const prefix = `${normalized.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	return sql`SELECT m.ml_id, m.nom, m.commune, m.departement_code, a.nom AS arml_nom,
	count(*) OVER ()::INTEGER AS total
FROM missions_locales m
LEFT JOIN departements d USING (departement_code)
LEFT JOIN arml a USING (arml_code)
WHERE ${join(conditions, ' AND ')}
ORDER BY (${communeKey} LIKE ${prefix} ESCAPE '\\') DESC, length(m.nom), m.nom, m.ml_id
LIMIT ${limit}`;
}
