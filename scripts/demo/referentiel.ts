/** The criteria and elements of the référentiel, as the demo generator needs them (ids only). */
import { readFileSync } from 'node:fs';
import { REFERENTIEL_PATH } from './paths.ts';

export type Criterion = { id: string; chapter: string; elements: string[] };

type RawCriterion = { id: string; elements: { id: string }[] };
type RawChapter = { id: string; criteria?: RawCriterion[]; sections?: { criteria?: RawCriterion[] }[] };

/** The criteria in document order, whether a chapter lists them directly or in sections. */
export function loadCriteria(path = REFERENTIEL_PATH): Criterion[] {
	const { chapters } = JSON.parse(readFileSync(path, 'utf8')) as { chapters: RawChapter[] };
	return chapters.flatMap((chapter) =>
		[...(chapter.criteria ?? []), ...(chapter.sections ?? []).flatMap((s) => s.criteria ?? [])].map((c) => ({
			id: c.id,
			chapter: chapter.id,
			elements: c.elements.map((e) => e.id)
		}))
	);
}
