/** The French rules a page's text must keep; each returns the offending excerpts. */

const ENGLISH_MONTH =
	/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December)\b/g;
// Words that end in « s » in the singular too.
const INVARIABLE = new Set([
	'mois',
	'fois',
	'pas',
	'plus',
	'sous',
	'dans',
	'sans',
	'vers',
	'depuis',
	'après',
	'jours'
]);

const around = (text: string, index: number, length: number) =>
	text.slice(Math.max(0, index - 30), index + length + 30);

function matches(
	text: string,
	pattern: RegExp,
	keep: (m: RegExpMatchArray) => boolean = () => true
): string[] {
	return [...text.matchAll(pattern)].filter(keep).map((m) => around(text, m.index!, m[0].length));
}

/** English month names (Plot's default ticks). */
export const englishMonths = (text: string) => matches(text, ENGLISH_MONTH);

/** A decimal point between digits, once the référentiel's ids (`3.3`, `4.1.1.a`) are set aside. */
export function decimalPoints(text: string, ids: ReadonlySet<string>): string[] {
	return matches(
		text,
		// A version or licence (« CC-BY-4.0 », « v1.2 ») is not a number of the page.
		/(?<![\p{L}\-/.])\d+(?:\.\d+)+(?:\.[a-z])?\b/gu,
		(m) => !ids.has(m[0]) && !/^\d+(\.\d+){2,}$/.test(m[0])
	);
}

/** « 0 critères », « 1 Missions Locales »: 0 and 1 take the singular in French. */
export function pluralAfterOne(text: string): string[] {
	return matches(
		text,
		/(?<![\d,\u00a0\u202f.])[01][ \u00a0\u202f]+([A-Za-zÀ-ÿ]+s)\b/g,
		(m) => !INVARIABLE.has(m[1].toLowerCase())
	);
}

/** An ordinary space before « : ; ? ! » or inside « » (French typography wants a no-break one). */
export const ordinarySpaces = (text: string) => matches(text, / [:;?!»]|« /g);

/** A date from the reader's clock where the data's date belongs (« date du jour », « imprimé le »). */
export const clockDates = (text: string) => matches(text, /date du jour|imprimé le|aujourd’hui/gi);

/**
 * « de », « le », « la » or « que » before a vowel, where French elides it (« Modèle vide de
 * evaluations », « même clé de Evaluations.csv »). Before an h it may be aspirated (« de handicap »,
 * « de Haguenau »): not checked.
 */
export const missingElision = (text: string) =>
	matches(text, /(?<![\p{L}’'])(?:[dD]e|[lL][ea]|[qQ]ue) (?=[aeiouyàâéèêëîïôûAEIOUYÀÂÉÈÊÎÔÛ])/gu);

/** « lignes 4 à 4 »: a span whose two ends are the same number is one value (« ligne 4 »). */
export const sameEnds = (text: string) =>
	matches(text, /(?<![\d,\u00a0\u202f])(\d+(?:[\u00a0\u202f ]\d{3})*) à \1(?![\d,])/gu);

// Words that start a sentence, not a name: after « : » in running text they take a lower case.
const COMMON_STARTS = new Set(
	(
		'Le La Les L’ Un Une Des Du De D’ Au Aux Aucun Aucune Ce Cet Cette Ces Il Elle Ils Elles On Tout Tous ' +
		'Toute Toutes Chaque Voir Dernière Dernier Pas Plus Moins Si Pour Avec Sans Par Sur Dans Non Oui'
	).split(' ')
);

/**
 * A common word in upper case after « : » in running text (« Non engagé : La pratique… »): French
 * goes on in lower case. Names (« Mission Locale de… », « ARML Corse »), acronyms, and what is
 * quoted from the référentiel as it is written (`quoted`, its text with spaces made plain) are kept.
 */
export function capitalAfterColon(text: string, quoted = ''): string[] {
	return matches(text, /:[\u00a0\u202f ]+((?:[LD]’|\p{Lu}\p{Ll}*))/gu, (m) => {
		if (!COMMON_STARTS.has(m[1])) return false;
		const after = plain(text.slice(m.index! + m[0].length - m[1].length)).slice(0, 60);
		return !quoted.includes(after);
	});
}

/** Spaces made plain and single, to compare a page's text with its source. */
export const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const NUMBER_TICK = /^[−-]?\d{1,3}(?:[\u00a0\u202f ]\d{3})*(?:,(\d+))?\s*%?$/u;

/**
 * The numeric axes of a page's charts (Plot sets their tick labels in tabular figures) whose ticks
 * do not all have the same decimals (« 1 · 1,5 · 2 »); each is returned as its ticks.
 */
export function mixedTickDecimals(html: string): string[] {
	const axes = html.matchAll(/<g\b[^>]*font-variant="tabular-nums"[^>]*>([\s\S]*?)<\/g>/g);
	const mixed: string[] = [];
	for (const [, inner] of axes) {
		const ticks = [...inner.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((t) => t[1].trim());
		const numbers = ticks.map((t) => NUMBER_TICK.exec(t)).filter((m) => m !== null);
		if (numbers.length < 2 || numbers.length < ticks.length) continue;
		if (new Set(numbers.map((m) => (m[1] ?? '').length)).size > 1) mixed.push(ticks.join(' · '));
	}
	return mixed;
}

/** An acronym written in lower case (« entrées en cej »). */
export const lowerAcronyms = (text: string) =>
	matches(text, /(?<![\p{L}_./-])(?:cej|pacea|pmsmp|etp|arml)(?![\p{L}_./-])/gu);
