import { error } from '@sveltejs/kit';
import { armlListQuery } from '$lib/db/queries/arml';
import { demoCube } from '$lib/server/cube';
import { threshold } from '$lib/referentiel';
import { buildDatabase } from '$lib/server/buildDb';
import { prerenderChart, prerenderRows } from '$lib/server/prerender';
import { DEFAULT_VIEW } from '../armlSpecs';
import { pairedDumbbellChart } from '$lib/charts/pairedDumbbell';
import type { PairedRow } from '$lib/model/rows';
import { armlPairedSpec, PAIRED_LABEL } from '../pairedSpecs';
import type { EntryGenerator, PageServerLoad } from './$types';

export const prerender = true;

type ArmlRow = { arml_code: string; arml_nom: string };

/** One page per ARML of the reference data. */
export const entries: EntryGenerator = async () => {
	const db = await buildDatabase();
	const rows = await db.query<ArmlRow>(armlListQuery());
	return rows.map((r) => ({ arml_code: r.arml_code }));
};

// The page's views render from the cube (the demo's, at build time); only the paired view's
// default is still computed and drawn here.
export const load: PageServerLoad = async ({ params }) => {
	const db = await buildDatabase();
	const [arml] = await db.query<ArmlRow>(armlListQuery(params.arml_code));
	if (!arml) error(404, `ARML inconnue : « ${params.arml_code} »`);
	const code = arml.arml_code;
	const today = (await demoCube()).date;
	const paired = await prerenderRows<PairedRow>(armlPairedSpec(code, DEFAULT_VIEW, today));
	return {
		arml: { code, name: arml.arml_nom },
		build: {
			today,
			paired,
			svg: {
				paired: prerenderChart(
					paired.key,
					(document) => pairedDumbbellChart(paired.rows, { document, threshold }),
					PAIRED_LABEL
				)
			}
		}
	};
};
