/** Shapes of `referentiel/referentiel-2022-12.json` (validated against `referentiel/referentiel.schema.json`). */

export type Examples = { intro: string; items: string[] };

export type Item = { text: string; items?: Item[]; examples?: Examples };

export type Element = {
	id: string;
	text: string;
	items?: Item[];
	examples?: Examples;
};

export type Criterion = {
	id: string;
	title: string;
	intro?: string[];
	examples?: Examples;
	elements: Element[];
	notes?: string[];
	references: string[];
};

export type Section = { id: string; title: string; intro?: string[]; criteria: Criterion[] };

export type Chapter = {
	id: string;
	title: string;
	intro?: string[];
	sections: Section[];
	criteria: Criterion[];
};

export type Level = { level: number; label: string; description: string };

export type Scale = { threshold: number; levels: Level[] };

export type ValueOrPrinciple = { id: string; title: string; text: string[] };

export type ReferentielFile = {
	version: string;
	title: string;
	publisher: string;
	validated: string;
	preamble: {
		title: string;
		subtitle?: string;
		intro?: string[];
		valuesIntro?: string[];
		values: ValueOrPrinciple[];
		principlesIntro?: string[];
		principles: ValueOrPrinciple[];
		closing?: string[];
	};
	chapters: Chapter[];
	observatoire: { source: 'observatoire'; note: string; scale: Scale; shortLabels: Record<string, string> };
};
