import { chapters, criteria, shortLabel } from '../referentiel';

/** The référentiel as the cube indexes it (the same rows `loadReferentielTables` gives DuckDB). */
export const CRITERIA = criteria.map((c) => ({
	id: c.id,
	chapter: c.chapter.id,
	section: c.section?.id ?? null,
	title: c.title,
	shortLabel: c.shortLabel,
	position: c.position
}));
export const CHAPTERS = chapters.map((c, i) => ({
	id: c.id,
	title: c.title,
	shortLabel: shortLabel(c.id),
	position: i + 1
}));
export const SECTIONS = chapters
	.flatMap((c) => c.sections)
	.map((s) => ({ id: s.id, title: s.title, shortLabel: shortLabel(s.id) }));
export const ELEMENTS = criteria.flatMap((c, ci) =>
	c.elements.map((e, i) => ({ id: e.id, criterion: ci, text: e.text, position: i + 1 }))
);
export const ELEMENT_IDS = ELEMENTS.map((e) => e.id);

export const CRITERION_INDEX = new Map(CRITERIA.map((c, i) => [c.id, i]));
export const CHAPTER_BY_ID = new Map(CHAPTERS.map((c) => [c.id, c]));
export const SECTION_BY_ID = new Map(SECTIONS.map((s) => [s.id, s]));

const DAY = 86_400_000;
/** Days since 1970-01-01 of an ISO date. */
export const toDay = (iso: string) => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
/** The ISO date of a day number. */
export const fromDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
