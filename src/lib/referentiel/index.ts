import file from '../../../referentiel/referentiel-2022-12.json';
import type { Chapter, Criterion, Element, ReferentielFile, Scale, Section } from './types';

export type * from './types';

/** The standard, as shipped in `referentiel/` (validated at build time and by its unit test). */
export const referentiel = file as unknown as ReferentielFile;

/** A criterion with where it sits in the standard. */
export type PlacedCriterion = Criterion & {
	chapter: Chapter;
	section: Section | null;
	shortLabel: string;
	position: number;
};

function placeCriteria(chapters: Chapter[]): PlacedCriterion[] {
	const placed: PlacedCriterion[] = [];
	for (const chapter of chapters) {
		const groups: [Section | null, Criterion[]][] = [
			[null, chapter.criteria],
			...chapter.sections.map((s): [Section, Criterion[]] => [s, s.criteria])
		];
		for (const [section, criteria] of groups)
			for (const c of criteria)
				placed.push({ ...c, chapter, section, shortLabel: shortLabel(c.id), position: placed.length + 1 });
	}
	return placed;
}

/** The observatory's short label of a chapter, section or criterion (for chart axes). */
export function shortLabel(id: string): string {
	return referentiel.observatoire.shortLabels[id] ?? id;
}

export const chapters: Chapter[] = referentiel.chapters;
/** The 24 criteria in document order. */
export const criteria: PlacedCriterion[] = placeCriteria(chapters);
export const scale: Scale = referentiel.observatoire.scale;
/** A criterion is *atteint* when its unrounded score is at or above this level. */
export const threshold: number = scale.threshold;

const criteriaById = new Map(criteria.map((c) => [c.id, c]));
const elementsById = new Map(criteria.flatMap((c) => c.elements.map((e) => [e.id, { ...e, criterion: c }])));

export function findCriterion(id: string): PlacedCriterion | undefined {
	return criteriaById.get(id);
}

export function findElement(id: string): (Element & { criterion: PlacedCriterion }) | undefined {
	return elementsById.get(id);
}

export function findChapter(id: string): Chapter | undefined {
	return chapters.find((c) => c.id === id);
}

/** The label of a maturity level (1–4), e.g. "Atteint". */
export function levelLabel(level: number): string {
	return scale.levels.find((l) => l.level === level)?.label ?? String(level);
}
