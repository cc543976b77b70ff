import { error } from '@sveltejs/kit';
import {
	armlListQuery,
	type ArmlSummary,
	type CriterionGap,
	type MlRank,
	type MlRates
} from '$lib/db/queries/arml';
import { isoToday } from '$lib/db/queries/common';
import type { DomainRow } from '$lib/model/rows';
import type { HeatmapCell } from '$lib/model/rows';
import { threshold } from '$lib/referentiel';
import { buildDatabase } from '$lib/server/buildDb';
import { prerenderChart, prerenderHeatmap, prerenderRows } from '$lib/server/prerender';
import { MAX_LEVEL } from '../../homeSpecs';
import {
	DEFAULT_VIEW,
	domainSpec,
	gapSpec,
	heatmapSpec,
	indexSpec,
	rankingSpec,
	ratesSpec,
	yearsSpec
} from '../armlSpecs';
import { gapBars, rateStrip } from './charts';
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

// The default view is computed and drawn on the demo data at build time; DuckDB-WASM takes over
// for other filters and for imported data.
export const load: PageServerLoad = async ({ params }) => {
	const db = await buildDatabase();
	const [arml] = await db.query<ArmlRow>(armlListQuery(params.arml_code));
	if (!arml) error(404, `ARML inconnue : « ${params.arml_code} »`);
	const code = arml.arml_code;
	const today = isoToday();
	const heatmap = await prerenderRows<HeatmapCell>(heatmapSpec(code, DEFAULT_VIEW, today));
	const gap = await prerenderRows<CriterionGap>(gapSpec(code, DEFAULT_VIEW, today));
	const rates = await prerenderRows<MlRates>(ratesSpec(code, null));
	const paired = await prerenderRows<PairedRow>(armlPairedSpec(code, DEFAULT_VIEW, today));
	return {
		arml: { code, name: arml.arml_nom },
		build: {
			today,
			domain: await prerenderRows<DomainRow>(domainSpec()),
			summary: await prerenderRows<ArmlSummary>(indexSpec(DEFAULT_VIEW, today, code)),
			heatmap,
			ranking: await prerenderRows<MlRank>(rankingSpec(code, DEFAULT_VIEW, today)),
			gap,
			years: await prerenderRows<{ annee: number }>(yearsSpec()),
			rates,
			paired,
			svg: {
				heatmap: prerenderHeatmap(heatmap, {
					metric: 'mean',
					rows: 'ml',
					threshold,
					maxLevel: MAX_LEVEL,
					sort: 'overall'
				}),
				gap: prerenderChart(gap.key, (document) => gapBars(gap.rows, arml.arml_nom, document)),
				rates: prerenderChart(rates.key, (document) => rateStrip(rates.rows, arml.arml_nom, document)),
				paired: prerenderChart(
					paired.key,
					(document) => pairedDumbbellChart(paired.rows, { document, threshold }),
					PAIRED_LABEL
				)
			}
		}
	};
};
