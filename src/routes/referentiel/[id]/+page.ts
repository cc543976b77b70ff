import { error } from '@sveltejs/kit';
import { criteria, findCriterion } from '$lib/referentiel';
import type { EntryGenerator, PageLoad } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => criteria.map((c) => ({ id: c.id }));

export const load: PageLoad = ({ params }) => {
	const criterion = findCriterion(params.id);
	if (!criterion) error(404, 'Critère inconnu');
	const at = criteria.indexOf(criterion);
	return {
		criterion,
		previous: criteria[at - 1] ?? null,
		next: criteria[at + 1] ?? null
	};
};
