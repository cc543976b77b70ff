/** French numbers (fr-FR): levels, counts, percentages and signed changes. */

const number = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat('fr-FR', options);
const decimal1 = number({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
const decimal2 = number({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integer = number({ maximumFractionDigits: 0 });
const percent = number({ style: 'percent', maximumFractionDigits: 0 });
const percent1 = number({ style: 'percent', maximumFractionDigits: 1 });
const signed1 = number({ minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const signed2 = number({ minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
// One decimal always, so that « +2,0 % » and « +1,4 % » line up in a list of changes.
const signedPercent = number({
	style: 'percent',
	minimumFractionDigits: 1,
	maximumFractionDigits: 1,
	signDisplay: 'exceptZero'
});

/** What an empty value shows. */
export const DASH = '–';
/** The true minus sign, never the hyphen. */
export const MINUS = '−';

const guard = (f: (v: number) => string) => (v: number | null | undefined) =>
	v === null || v === undefined || Number.isNaN(v) ? DASH : f(v);

/** Normalises the narrow no-break spaces of fr-FR to plain no-break spaces (fonts and CSV agree). */
const nbsp = (s: string) => s.replace(/\u202f/g, '\u00a0');
/** A true minus sign instead of Intl's hyphen-minus. */
const minus = (s: string) => s.replace('-', MINUS);
/** Rounds first, so that a tiny negative value reads `0,00` rather than `−0,00`. */
const rounded = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals || 0;

export const formatLevel = guard((v) => minus(decimal1.format(v)));
export const formatLevel2 = guard((v) => minus(decimal2.format(v)));
export const formatInteger = guard((v) => minus(nbsp(integer.format(v))));
export const formatPercent = guard((v) => minus(nbsp(percent.format(v))));
export const formatPercent1 = guard((v) => minus(nbsp(percent1.format(v))));
/** A signed change with one decimal: `+0,3`, `−1,2`, `0,0`. */
export const formatSigned = guard((v) => minus(signed1.format(rounded(v, 1))));
/** A signed change of levels with two decimals: `+0,12`, `−0,07`, `0,00`. */
export const formatSigned2 = guard((v) => minus(signed2.format(rounded(v, 2))));
/** A signed relative change with one decimal: `+2,0 %`, `−1,4 %`. */
export const formatSignedPercent = guard((v) => minus(nbsp(signedPercent.format(rounded(v, 3)))));
