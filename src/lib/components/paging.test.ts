import { describe, expect, it } from 'vitest';
import {
	allLabel,
	limitFor,
	ML_NOUN,
	nextCount,
	nextLabel,
	PAGE_ROWS,
	pagingText,
	shownCount,
	type RowNoun
} from './paging';

const ACTIONS: RowNoun = { one: 'action en retard', many: 'actions en retard', feminine: true };
const CRITERIA: RowNoun = { one: 'critère', many: 'critères', feminine: false };
/** fr-FR's thousands separator, a no-break space (`format/numbers.ts`). */
const nb = (s: string) => s.replace(/ (?=\d{3}\b)/g, '\u00a0');

describe('the window of a long table', () => {
	it('shows a page of 50 rows', () => expect(PAGE_ROWS).toBe(50));

	it('shows the first `limit` rows, never more than there are', () => {
		expect(shownCount(1012, 50)).toBe(50);
		expect(shownCount(30, 50)).toBe(30);
		expect(shownCount(50, 50)).toBe(50);
		expect(shownCount(0, 50)).toBe(0);
	});

	it('adds a page at a time, or what is left', () => {
		expect(nextCount(1012, 50)).toBe(50);
		expect(nextCount(1012, 1000)).toBe(12);
		expect(nextCount(1012, 1011)).toBe(1);
		expect(nextCount(100, 100)).toBe(0);
		expect(nextCount(30, 50)).toBe(0);
		expect(nextCount(70, 50, 10)).toBe(10);
	});

	it('keeps the window chosen for the same data, and goes back to one page for other data', () => {
		expect(limitFor({ key: 'a', limit: 150 }, 'a')).toBe(150);
		expect(limitFor({ key: 'a', limit: 150 }, 'b')).toBe(PAGE_ROWS);
		expect(limitFor({ key: 'a', limit: 150 }, 'a', 20)).toBe(150);
		expect(limitFor({ key: 'a', limit: 0 }, 'a')).toBe(PAGE_ROWS);
		// Data still loading has no key: nothing chosen applies to it.
		expect(limitFor({ key: null, limit: 150 }, null)).toBe(PAGE_ROWS);
	});
});

describe('what the window says', () => {
	it('says how many of how many, in French, feminine or masculine', () => {
		expect(pagingText(50, 1012, ML_NOUN)).toBe(nb('50 premières Missions Locales sur 1 012'));
		expect(pagingText(100, 312, ACTIONS)).toBe('100 premières actions en retard sur 312');
		expect(pagingText(50, 60, CRITERIA)).toBe('50 premiers critères sur 60');
		expect(pagingText(1, 3, ML_NOUN)).toBe('la première Mission Locale sur 3');
		expect(pagingText(1, 3, CRITERIA)).toBe('le premier critère sur 3');
	});

	it('says when every row is shown', () => {
		expect(pagingText(1012, 1012, ML_NOUN)).toBe(nb('1 012 Missions Locales, toutes affichées'));
		expect(pagingText(60, 60, CRITERIA)).toBe('60 critères, tous affichés');
		expect(pagingText(1, 1, ML_NOUN)).toBe('1 Mission Locale');
	});

	it('names its buttons by what they add', () => {
		expect(nextLabel(50, ML_NOUN)).toBe('Afficher les 50 suivantes');
		expect(nextLabel(12, CRITERIA)).toBe('Afficher les 12 suivants');
		expect(nextLabel(1, ML_NOUN)).toBe('Afficher la suivante');
		expect(nextLabel(1, CRITERIA)).toBe('Afficher le suivant');
		expect(allLabel(1012)).toBe(nb('Tout afficher (1 012)'));
	});
});
