import { describe, expect, it } from 'vitest';
import { criteria } from './index';
import { createCriteriaSearch, normalizeText, searchTerms } from './search';
import type { Criterion } from './types';

const fixture: Criterion[] = [
	{
		id: '9.1',
		title: "La Mission Locale garantit l'équité",
		elements: [
			{ id: '9.1.a', text: 'Un accueil sans discrimination.' },
			{
				id: '9.1.b',
				text: 'Elle agit :',
				items: [{ text: 'pour le logement', items: [{ text: 'des jeunes en foyer' }] }],
				examples: { intro: "A titre d'exemples :", items: ['FSE', 'ARS'] }
			}
		],
		notes: ['Voir la partie « Offre de service »'],
		references: ['Charte des services publics (1992)']
	},
	{
		id: '9.2',
		title: 'La Mission Locale met en œuvre un observatoire',
		elements: [{ id: '9.2.a', text: 'Elle diffuse ses données.' }],
		examples: { intro: "A titre d'illustration :", items: ['profil des jeunes NEET'] },
		references: []
	}
];
const search = createCriteriaSearch(fixture);

describe('normalizeText', () => {
	it('ignores case and accents', () => {
		expect(normalizeText('ÉQUITÉ')).toBe('equite');
		expect(normalizeText('Équité')).toBe(normalizeText('equite'));
		expect(normalizeText('Repérer, accompagner, être')).toBe('reperer, accompagner, etre');
	});

	it('folds ligatures, typographic apostrophes and runs of spaces', () => {
		expect(normalizeText('mise en Œuvre')).toBe('mise en oeuvre');
		expect(normalizeText('l’équité')).toBe("l'equite");
		expect(normalizeText('a \n  b')).toBe('a b');
	});
});

describe('searchTerms', () => {
	it('splits a query into normalized words and drops blanks', () => {
		expect(searchTerms('  Équité   Jeunes ')).toEqual(['equite', 'jeunes']);
		expect(searchTerms('   ')).toEqual([]);
	});
});

describe('createCriteriaSearch', () => {
	it('filters nothing when the query is blank', () => {
		expect(search('')).toBeNull();
		expect(search('  ')).toBeNull();
	});

	it('finds a criterion by its title whatever the case and accents', () => {
		expect([...search('EQUITE')!.keys()]).toEqual(['9.1']);
		expect(search('equité')!.get('9.1')!.title).toBe(true);
	});

	it('finds a criterion by its id', () => {
		expect([...search('9.2')!.keys()]).toEqual(['9.2']);
	});

	it('reports which elements match, looking into nested sub-items and examples', () => {
		expect(search('foyer')!.get('9.1')).toEqual({
			title: false,
			elements: ['9.1.b'],
			examples: false,
			notes: false,
			references: false
		});
		expect(search('ARS')!.get('9.1')!.elements).toEqual(['9.1.b']);
	});

	it('matches criterion-level examples, notes and reference texts', () => {
		expect(search('neet')!.get('9.2')!.examples).toBe(true);
		expect(search('offre de service')!.get('9.1')!.notes).toBe(true);
		expect(search('charte 1992')!.get('9.1')!.references).toBe(true);
	});

	it('requires every word of the query in the same part of a criterion', () => {
		expect([...search('accueil discrimination')!.keys()]).toEqual(['9.1']);
		// "accueil" is in an element, "observatoire" in another criterion's title.
		expect(search('accueil observatoire')!.size).toBe(0);
	});

	it('returns an empty result when nothing matches', () => {
		expect(search('zzz')!.size).toBe(0);
	});
});

describe('searching the référentiel', () => {
	const searchAll = createCriteriaSearch(criteria);

	it('finds the observatory criterion 3.3 and not the criteria that never mention it', () => {
		const found = searchAll('observatoire')!;
		expect(found.has('3.3')).toBe(true);
		expect(found.get('3.3')!.title).toBe(true);
		expect(found.has('1.1')).toBe(false);
	});

	it('finds criterion 2.4 on "equite" without the accents', () => {
		expect(searchAll('equite')!.has('2.4')).toBe(true);
	});

	it('lists the whole of section 4.2 when searching its number', () => {
		expect([...searchAll('4.2.')!.keys()]).toEqual(['4.2.1', '4.2.2', '4.2.3']);
	});
});
