import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No figure written by hand (issue 14.6): a count of the network's Missions Locales, ARML, criteria
 * or months comes from the data or a named constant. This reads the code of the pages and the
 * library, comments left out, and fails on a number written before one of those nouns.
 */
const NOUNS =
	/\b\d[\d\s\u202f\u00a0]*\s(Missions? Locales?|ARML|critères?|mois|lieux|professionnels|sites)\b/g;

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return files(path);
		return /\.(ts|svelte)$/.test(e.name) && !/\.(test|fixture)\.ts$/.test(e.name) ? [path] : [];
	});
}

const withoutComments = (code: string) =>
	code
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('figures in the code', () => {
	it('writes no count of Missions Locales, ARML, criteria or months by hand', () => {
		const found = ['src/routes', 'src/lib']
			.flatMap(files)
			.filter((f) => !f.includes(join('lib', 'server')) && !f.includes(join('lib', 'data')))
			.flatMap((f) =>
				[...withoutComments(readFileSync(f, 'utf8')).matchAll(NOUNS)]
					// « 1 Mission Locale trouvée » is the singular's own wording, not a count of the data.
					.filter((m) => !/^1\s/.test(m[0]) || /s$/.test(m[1]))
					.map((m) => `${f}: ${m[0]}`)
			);
		expect(found).toEqual([]);
	});
});
