import { error } from '@sveltejs/kit';
import { demoCube } from '$lib/server/cube';
import type { EntryGenerator, PageServerLoad } from './$types';

export const prerender = true;

/** One page per ARML of the reference data. */
export const entries: EntryGenerator = async () =>
	(await demoCube()).arml.code.map((arml_code) => ({ arml_code }));

// Every view of the page renders from the cube (the demo's, at build time): the page data is only
// the ARML's code and name, so that the HTML carries each chart once and nothing else.
export const load: PageServerLoad = async ({ params }) => {
	const cube = await demoCube();
	const i = cube.arml.code.indexOf(params.arml_code);
	if (i < 0) error(404, `ARML inconnue : « ${params.arml_code} »`);
	return { arml: { code: cube.arml.code[i], name: cube.arml.name[i] } };
};
