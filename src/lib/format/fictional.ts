/**
 * One Mission Locale of the demo is fictional, and every page and export that shows one says so.
 * Imported data are the user's real Missions Locales: they are never marked.
 */
export const FICTIONAL_ML = 'Mission Locale fictive';

/** What the CSV column `donnees` says on every row of an export about one fictional ML. */
export const FICTIONAL_DATA = 'Mission Locale fictive (données de démonstration)';

/** An export's title, marked when it shows one fictional Mission Locale. */
export function fictionalTitle(title: string, fictional: boolean): string {
	return fictional ? `${title} — ${FICTIONAL_ML}` : title;
}

/** CSV rows about one fictional Mission Locale, each opened by a column that says so. */
export function fictionalRows<T extends object>(
	rows: T[],
	fictional: boolean
): (T | ({ donnees: string } & T))[] {
	return fictional ? rows.map((r) => ({ donnees: FICTIONAL_DATA, ...r })) : rows;
}
