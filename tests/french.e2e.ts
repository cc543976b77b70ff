import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	clockDates,
	decimalPoints,
	englishMonths,
	lowerAcronyms,
	missingElision,
	ordinarySpaces,
	pluralAfterOne
} from './text/frenchRules';
import { builtPages, readableText } from './text/pageText';
import referentiel from '../referentiel/referentiel-2022-12.json' with { type: 'json' };

// Every prerendered page, charts included (their SVG is in the HTML): French months and decimals,
// singular after 0 and 1, and French spacing.
const ids = new Set<string>(
	JSON.stringify(referentiel)
		.match(/"id":\s*"([^"]+)"/g)!
		.map((m) => m.split('"')[3])
);

test('every prerendered page reads as French: months, decimals, plurals and spaces', () => {
	const pages = builtPages();
	expect(pages.length).toBeGreaterThan(20);
	const problems: string[] = [];
	for (const file of pages) {
		for (const text of readableText(readFileSync(file, 'utf8'))) {
			for (const [rule, found] of [
				['mois anglais', englishMonths(text)],
				['point décimal', decimalPoints(text, ids)],
				['pluriel après 0 ou 1', pluralAfterOne(text)],
				['espace ordinaire', ordinarySpaces(text)],
				['date de l’horloge', clockDates(text)],
				['élision manquante', missingElision(text)],
				['sigle en minuscules', lowerAcronyms(text)]
			] as const)
				for (const excerpt of found) problems.push(`${file} · ${rule} · ${excerpt}`);
		}
	}
	expect(problems).toEqual([]);
});
