/** Fragment ids for deep links into /referentiel: "4.2.1" → "critere-4-2-1" (dots become dashes). */
const anchor = (kind: string) => (id: string) => `${kind}-${id.replace(/\./g, '-')}`;

export const chapterAnchor = anchor('chapitre');
export const sectionAnchor = anchor('section');
export const criterionAnchor = anchor('critere');
export const elementAnchor = anchor('element');
