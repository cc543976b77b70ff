/**
 * Long tables and lists show a bounded number of rows at a time: the first page, then « Afficher
 * les N suivantes » adds the next one (or « Tout afficher »). At scale 10 an ARML's ranking has
 * 790 rows and a national list of Missions Locales 4 000: laying out and writing them all made each
 * filter change take most of a second. Sorting and filtering happen before, over the whole set;
 * counts, totals and exports keep using every row.
 */
import { formatInteger } from '$lib/format';

/** Rows of a page. */
export const PAGE_ROWS = 50;

/** What a row is, in words: « Mission Locale » / « Missions Locales », feminine. */
export type RowNoun = { one: string; many: string; feminine: boolean };

export const ML_NOUN: RowNoun = { one: 'Mission Locale', many: 'Missions Locales', feminine: true };

/** How many rows a window of `limit` shows out of `total`. */
export function shownCount(total: number, limit: number): number {
	return Math.max(0, Math.min(total, limit));
}

/** How many rows the « next » button adds: a page, or fewer when fewer are left. */
export function nextCount(total: number, limit: number, page = PAGE_ROWS): number {
	return Math.max(0, Math.min(page, total - shownCount(total, limit)));
}

/** The window of the last `chosen` choice, back to one page once the data it was for changed. */
export function limitFor(chosen: { key: unknown; limit: number }, key: unknown, page = PAGE_ROWS): number {
	return chosen.key === key && key !== null ? Math.max(page, chosen.limit) : page;
}

/**
 * What the window shows, as a sentence part: « 50 premières Missions Locales sur 1 012 », or
 * « 1 012 Missions Locales, toutes affichées » once they all are.
 */
export function pagingText(shown: number, total: number, noun: RowNoun): string {
	const all = noun.feminine ? 'toutes affichées' : 'tous affichés';
	if (shown >= total)
		return `${formatInteger(total)} ${total > 1 ? noun.many : noun.one}${total > 1 ? `, ${all}` : ''}`;
	const first = noun.feminine ? 'première' : 'premier';
	if (shown === 1) return `${noun.feminine ? 'la' : 'le'} ${first} ${noun.one} sur ${formatInteger(total)}`;
	return `${formatInteger(shown)} ${first}s ${noun.many} sur ${formatInteger(total)}`;
}

/** The « next » button: « Afficher les 50 suivantes », « Afficher la suivante ». */
export function nextLabel(count: number, noun: RowNoun): string {
	const next = noun.feminine ? 'suivante' : 'suivant';
	if (count === 1) return `Afficher ${noun.feminine ? 'la' : 'le'} ${next}`;
	return `Afficher les ${formatInteger(count)} ${next}s`;
}

/** The « all » button: « Tout afficher (1 012) ». */
export function allLabel(total: number): string {
	return `Tout afficher (${formatInteger(total)})`;
}
