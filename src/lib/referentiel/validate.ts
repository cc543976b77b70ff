import Ajv2020 from 'ajv/dist/2020.js';
import schema from '../../../referentiel/referentiel.schema.json';

/**
 * Validates the référentiel against its JSON Schema and the invariants a schema cannot say
 * (unique ids, elements prefixed by their criterion). Returns French messages; empty when valid.
 */
export function validateReferentiel(data: unknown): string[] {
	const ajv = new Ajv2020({ allErrors: true, strict: false });
	const check = ajv.compile(schema);
	if (!check(data))
		return (check.errors ?? []).map(
			(e) => `référentiel ${e.instancePath || '/'} : ${e.message ?? 'invalide'}`
		);
	const ref = data as {
		chapters: {
			id: string;
			sections: { id: string; criteria: { id: string; elements: { id: string }[] }[] }[];
			criteria: { id: string; elements: { id: string }[] }[];
		}[];
	};
	const errors: string[] = [];
	const seen = new Set<string>();
	for (const chapter of ref.chapters) {
		const all = [...chapter.criteria, ...chapter.sections.flatMap((s) => s.criteria)];
		for (const id of [chapter.id, ...chapter.sections.map((s) => s.id)]) {
			if (seen.has(id)) errors.push(`identifiant en double : ${id}`);
			seen.add(id);
		}
		for (const criterion of all) {
			if (!criterion.id.startsWith(`${chapter.id}.`))
				errors.push(`le critère ${criterion.id} n'appartient pas au chapitre ${chapter.id}`);
			for (const id of [criterion.id, ...criterion.elements.map((e) => e.id)]) {
				if (seen.has(id)) errors.push(`identifiant en double : ${id}`);
				seen.add(id);
			}
			for (const element of criterion.elements)
				if (!element.id.startsWith(`${criterion.id}.`))
					errors.push(`l'élément ${element.id} n'appartient pas au critère ${criterion.id}`);
		}
	}
	return errors;
}
