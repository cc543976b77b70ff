import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No figure written by hand (issue 14.6): a count, a year or a default that is a figure of the
 * data comes from the data or from a named constant. This reads the code of the pages and of the
 * whole library (`data/` and `server/` included), comments left out, and fails on a number written
 * before one of the nouns it counts, on a year of the data's span written in the code, and on a
 * number given as a fallback (`|| 15`, `?? 100`).
 */
const NOUNS =
	/\b\d[\d\s\u202f\u00a0]*\s(Missions? Locales?|ARML|critères?|mois|lieux|professionnels|sites|caractères)\b/g;

/** A year of the demo's span and its neighbours: written in the code, it goes stale with the data. */
const YEARS = /(?<![\w.-])202[2-6](?![\w])/g;

/**
 * A number given as a fallback. 0 (an absent count), 1 (a divisor) and −1 (an index not found)
 * are neutral elements, not figures.
 */
const FALLBACKS = /(?:\|\||\?\?)\s*\(?\s*(-?\d[\d_.]*)/g;
const NEUTRAL = new Set(['0', '1', '-1']);

/** Where a figure of the kind is right, with why. Each entry: [file, text matched, reason]. */
const ALLOWED: [string, RegExp, string][] = [
	// The data contract documents each column with an example value, and the referentiel's file is
	// named after its edition: both are the data's own words.
	['src/lib/data/contract.ts', YEARS, 'the contract’s example values'],
	['src/lib/referentiel/', /referentiel-2022-12/, 'the référentiel’s file, named after its edition'],
	// A date given as an example of a format the validator reads (« 2024-03-15 ou 15/03/2024 »).
	['src/lib/data/rules.ts', /2024-03-15 ou 15\/03\/2024/, 'an example of the date formats'],
	['src/routes/donnees/contractText.ts', /2024-03-15 ou 15\/03\/2024/, 'an example of the date formats'],
	// Generated data to practise an import on: its campaigns are data, not text.
	['src/lib/import/rehearsal.ts', YEARS, 'the rehearsal files’ own rows'],
	// The seed's own « Chiffres clés 2022 » page (its anchor and link): a year of the document.
	[
		'src/routes/referentiel/SeedFront.svelte',
		/chiffres[- ]cl[ée]s[- ]2022/,
		'the seed’s key figures page, titled by its year'
	],
	// The network's goal, a named constant: the UNML's deadline, not a figure of the data.
	['src/routes/homeSpecs.ts', /GOAL_DATE = '2024-12-31'/, 'the goal’s date, named'],
	// The date of the référentiel the footer credits, as the document is dated.
	// A chart's size in pixels when the page gives none: layout, not a figure of the data.
	['src/lib/charts/', /options\.(width|cellWidth|cellHeight|fontSize) \?\? \d+/, 'a default size in pixels']
];

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return e.name === 'testing' ? [] : files(path);
		return /\.(ts|svelte)$/.test(e.name) && !/\.(test|fixture|oracle)\.ts$/.test(e.name) ? [path] : [];
	});
}

const withoutComments = (code: string) =>
	code
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

const CODE = ['src/routes', 'src/lib']
	.flatMap(files)
	.map((f) => ({ f, code: withoutComments(readFileSync(f, 'utf8')) }));

/** `file: match` for each match of `pattern` in the code that no allowed entry covers. */
function found(pattern: RegExp, keep: (m: RegExpMatchArray) => boolean = () => true): string[] {
	return CODE.flatMap(({ f, code }) => {
		const allowed = ALLOWED.filter(([file]) => f.startsWith(file)).map(([, text]) => text);
		const covered = (at: number) =>
			allowed.some((text) =>
				[...code.matchAll(new RegExp(text.source, 'g'))].some(
					(a) => a.index! <= at && at < a.index! + a[0].length
				)
			);
		return [...code.matchAll(pattern)]
			.filter((m) => keep(m) && !covered(m.index!))
			.map((m) => `${f}: ${m[0]}`);
	});
}

describe('figures in the code', () => {
	it('writes no count of Missions Locales, ARML, criteria, months or characters by hand', () => {
		// « 1 Mission Locale trouvée » is the singular's own wording, not a count of the data.
		expect(found(NOUNS, (m) => !/^1\s/.test(m[0]) || /s$/.test(m[1]))).toEqual([]);
	});

	it('writes no year of the data in the code', () => {
		expect(found(YEARS)).toEqual([]);
	});

	it('gives no number as a fallback but 0, 1 or −1', () => {
		expect(found(FALLBACKS, (m) => !NEUTRAL.has(m[1]))).toEqual([]);
	});

	it('finds what it looks for (each pattern on a line it must catch)', () => {
		expect('réseau simulé de 437 Missions Locales'.match(NOUNS)).toHaveLength(1);
		expect('1 à 32 caractères'.match(NOUNS)).toHaveLength(1);
		expect('toutes labellisées fin 2024, « 2022 », `${x} 2026`'.match(YEARS)).toEqual([
			'2024',
			'2022',
			'2026'
		]);
		expect('ML-2024-01 v2023 20245 x2024'.match(YEARS)).toBeNull();
		const fallbacks = [...'armls.length || 15; a ?? 100; b ?? 0; c ?? -1; d || 2.5'.matchAll(FALLBACKS)];
		expect(fallbacks.map((m) => m[1]).filter((n) => !NEUTRAL.has(n))).toEqual(['15', '100', '2.5']);
	});
});
