/** French words around numbers: counts with their noun, and typographic spaces. */
import { formatInteger } from './numbers';

const NARROW_NBSP = '\u202f';

/** The plural of a French noun phrase, word by word: `Mission Locale évaluée` → `Missions Locales évaluées`. */
export function pluralize(phrase: string): string {
	return phrase
		.split(' ')
		.map((word) => (/[sxz]$/.test(word) || !/\p{L}$/u.test(word) ? word : `${word}s`))
		.join(' ');
}

/**
 * A count with its noun: 0 and 1 take the singular in French (« 0 critère », « 1 Mission Locale »),
 * 2 and more the plural (given, or `pluralize(singular)`).
 */
export function formatCount(n: number, singular: string, plural = pluralize(singular)): string {
	return `${formatInteger(n)} ${wordFor(n, singular, plural)}`;
}

/** The word alone, agreeing with `n`: `wordFor(1, 'est', 'sont')`. */
export function wordFor(n: number, singular: string, plural = pluralize(singular)): string {
	return Math.abs(n) >= 2 ? plural : singular;
}

/**
 * French typography in running text: a narrow no-break space before « : ; ? ! » and inside « »,
 * in place of an ordinary or no-break space (or none, for quotes).
 */
export function frenchSpacing(text: string): string {
	return text
		.replace(/[ \u00a0\u202f]+([:;?!»])/g, `${NARROW_NBSP}$1`)
		.replace(/«[ \u00a0\u202f]*/g, `«${NARROW_NBSP}`)
		.replace(/(\S)»/g, `$1${NARROW_NBSP}»`);
}

/**
 * A label inside a sentence: its first letter in lower case, acronyms kept (« Entrées en CEJ » →
 * « entrées en CEJ », « PACEA signés » unchanged). `toLowerCase()` would write « cej ».
 */
export function lowerFirst(label: string): string {
	return /^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/** Typographic apostrophes (’) in the observatory's own text; a quoted source keeps its own. */
export function curlyApostrophes(text: string): string {
	return text.replace(/(\p{L})'(?=\p{L})/gu, '$1’');
}

/** A French list: `a`, `a et b`, `a, b et c`; `more` counts items left out (« a, b et 3 autres »). */
export function formatList(items: string[], more = 0): string {
	const all = more > 0 ? [...items, formatCount(more, 'autre')] : items;
	return all.length < 2 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} et ${all[all.length - 1]}`;
}

/** A name with its definite article when it starts with a vowel: `ARML Grand Est` → `l’ARML Grand Est`. */
export function withArticle(name: string): string {
	return /^[aeiouyhàâéèêëîïôûù]/i.test(name) ? `l’${name}` : name;
}

/** A word that French elides before: `de` → `d’`, `le`/`la` → `l’`, `que` → `qu’`. */
export type Elidable = 'de' | 'le' | 'la' | 'que';

/**
 * « de » (or « le », « la », « que ») before a word from the data, elided when that word starts
 * with a vowel or an h: `ofData('de', 'evaluations-2.csv')` → `d’evaluations-2.csv`, and
 * `ofData('de', 'missions_locales.csv')` → `de missions_locales.csv`; before quotes, `d’« evaluations.csv »`. A file or table name cannot
 * say whether its h is aspirated, so it is taken as mute, as most are.
 */
export function ofData(word: Elidable, next: string): string {
	// A quoted name (`«\u202fevaluations.csv\u202f»`) elides before its quotes, on its first letter.
	if (!/^(?:«[\s\u00a0\u202f]*)?[aeiouyhàâäéèêëîïôöûùüÿæœ]/iu.test(next)) return `${word} ${next}`;
	return `${word === 'que' ? 'qu' : word[0]}’${next}`;
}

/**
 * Lines of a file: one line alone (« ligne 4 »), or a span (« lignes 4 à 172 004 »), never
 * « lignes 4 à 4 ».
 */
export function lineSpan(from: number, to: number, format: (n: number) => string = formatInteger): string {
	return from === to ? `ligne ${format(from)}` : `lignes ${format(from)} à ${format(to)}`;
}

/** Longest value from the data shown whole (a name, a commune, a file name, a header). */
export const SHOWN_CHARS = 80;

/** Longest free text from the data shown whole (a comment, an action, a finding): a few lines. */
export const FREE_TEXT_CHARS = 400;

/**
 * A value from the data cut for display, with an ellipsis: a 100 000-character name must not make
 * the page or a chart that wide. The full text stays where the value is kept (a `title`, the table
 * alternative, the exports of data).
 */
export function cutText(text: string, max = SHOWN_CHARS): string {
	if (text.length <= max) return text;
	const chars = [...text];
	return chars.length <= max
		? text
		: `${chars
				.slice(0, max - 1)
				.join('')
				.trimEnd()}…`;
}
