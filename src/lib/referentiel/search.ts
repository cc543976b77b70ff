import type { Criterion, Element, Examples, Item } from './types';

/**
 * Lower-cases and strips accents and other combining marks, so that "Équité", "equite" and
 * "ÉQUITÉ" compare equal. Ligatures and typographic apostrophes are folded too ("œuvre" / "oeuvre").
 */
export function normalizeText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.replace(/[’ʼ`]/g, "'")
		.replace(/\s+/g, ' ');
}

/** The words of a query, normalized; empty when the query is blank. */
export function searchTerms(query: string): string[] {
	return normalizeText(query).split(' ').filter(Boolean);
}

/** What, in one criterion, contains every word of the query. */
export type CriterionMatch = {
	/** The criterion's id, title or introduction matches: the whole criterion is relevant. */
	title: boolean;
	/** Ids of the elements (with their sub-items and examples) that match, in document order. */
	elements: string[];
	examples: boolean;
	notes: boolean;
	references: boolean;
};

type IndexedCriterion = {
	id: string;
	title: string;
	elements: { id: string; text: string }[];
	examples: string;
	notes: string;
	references: string;
};

const examplesText = (examples: Examples | undefined): string[] =>
	examples ? [examples.intro, ...examples.items] : [];

const itemText = (item: Item): string[] => [
	item.text,
	...(item.items ?? []).flatMap(itemText),
	...examplesText(item.examples)
];

const elementText = (element: Element): string[] => [
	element.text,
	...(element.items ?? []).flatMap(itemText),
	...examplesText(element.examples)
];

// Parts are joined by a newline so that a phrase never spans two of them.
const join = (parts: string[]) => normalizeText(parts.join('\n'));

function indexCriterion(c: Criterion): IndexedCriterion {
	return {
		id: c.id,
		title: join([c.id, c.title, ...(c.intro ?? [])]),
		elements: c.elements.map((e) => ({ id: e.id, text: join(elementText(e)) })),
		examples: join(examplesText(c.examples)),
		notes: join(c.notes ?? []),
		references: join(c.references)
	};
}

const containsAll = (text: string, terms: string[]) => terms.every((t) => text.includes(t));

/**
 * Builds a search over the criteria's own text (id, title, elements with their sub-items and
 * examples, criterion examples, notes, reference texts). The returned function maps a query to
 * the criteria in which one part contains every word of the query, or to `null` when the query is
 * blank (nothing filtered).
 */
export function createCriteriaSearch(
	criteria: Criterion[]
): (query: string) => Map<string, CriterionMatch> | null {
	const index = criteria.map(indexCriterion);
	return (query) => {
		const terms = searchTerms(query);
		if (terms.length === 0) return null;
		const found = new Map<string, CriterionMatch>();
		for (const c of index) {
			const match: CriterionMatch = {
				title: containsAll(c.title, terms),
				elements: c.elements.filter((e) => containsAll(e.text, terms)).map((e) => e.id),
				examples: containsAll(c.examples, terms),
				notes: containsAll(c.notes, terms),
				references: containsAll(c.references, terms)
			};
			if (match.title || match.elements.length || match.examples || match.notes || match.references)
				found.set(c.id, match);
		}
		return found;
	};
}
