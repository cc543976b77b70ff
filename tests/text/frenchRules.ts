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

/** « de » before a vowel, where French elides it (« Modèle vide de evaluations »). */
export const missingElision = (text: string) => matches(text, /(?<![\p{L}])[dD]e (?=[aeiouyàâéèêîôû])/gu);

/** An acronym written in lower case (« entrées en cej »). */
export const lowerAcronyms = (text: string) =>
	matches(text, /(?<![\p{L}_./-])(?:cej|pacea|pmsmp|etp|arml)(?![\p{L}_./-])/gu);
