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

/** A slip of the UNML's text kept as printed: where (a criterion id), the words, and the note shown. */
export type Slip = { target: string; quote: string; note: string };

export type ReferentielFile = {
	version: string;
	title: string;
	publisher: string;
	validated: string;
	/** The UNML's own préambule (board decision, the two référentiels, the consultation). */
	preamble: { title: string; intro: string[]; items?: string[]; closing?: string[] };
	/** The socle of shared values and principles (not assessed). */
	socle: {
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
	/** The seed's « Chiffres clés du réseau des Missions Locales en 2022 » page, as printed. */
	keyFigures2022: {
		title: string;
		source: string;
		statements: string[];
		network: string[];
		counts: { missionsLocales: number; sites: number; arml: number; professionals: number };
	};
	observatoire: {
		source: 'observatoire';
		note: string;
		/** What the ids are: the observatory's numbering, not the UNML's. */
		numbering: string;
		/** The UNML text's slips, kept verbatim, each with the note shown beside it. */
		slips: Slip[];
		scale: Scale;
		shortLabels: Record<string, string>;
	};
};
