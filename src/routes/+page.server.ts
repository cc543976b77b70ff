import { MIN_N } from '$lib/model/smallGroups';
import type { DomainRow } from '$lib/model/rows';
import type { HeatmapCell } from '$lib/model/rows';
import type { KeyFigureTotals } from '$lib/model/rows';
import type { StepCount, TimelinePoint } from '$lib/model/rows';
import { isoToday } from '$lib/db/queries/common';
import { threshold } from '$lib/referentiel';
import { DEFAULT_FILTERS } from '$lib/model/filters';
import { prerenderChart, prerenderHeatmap, prerenderRows, prerenderSvg } from '$lib/server/prerender';
import { franceMapChart } from '$lib/charts/franceMap';
import type { MapArea } from '$lib/model/rows';
import { DEFAULT_MAP, mapModelOptions, mapSpec } from './mapSpecs';
import { projectLabels } from '$lib/charts/projection';
import { stepsChart } from '$lib/charts/steps';
import { timelineChart } from '$lib/charts/timeline';
import type { PageServerLoad } from './$types';
import {
	domainSpec,
	GOAL_DATE,
	heatmapSpec,
	keyFiguresSpec,
	MAX_LEVEL,
	stepsSpec,
	STEPS_LABEL,
	TIMELINE_LABEL,
	timelineSpec
} from './homeSpecs';

// At build time (prerendering, in Node) the default view is computed on the demo data and its
// charts drawn as SVG, so they are in the HTML; in the browser, DuckDB-WASM computes everything else.
export const load: PageServerLoad = async () => {
	const today = isoToday();
	const heatmap = await prerenderRows<HeatmapCell>(heatmapSpec(DEFAULT_FILTERS));
	const steps = await prerenderRows<StepCount>(stepsSpec(today));
	const timeline = await prerenderRows<TimelinePoint>(timelineSpec(today));
	const map = await prerenderRows<MapArea>(mapSpec(DEFAULT_MAP, today));
	return {
		build: {
			today,
			domain: await prerenderRows<DomainRow>(domainSpec()),
			heatmap,
			steps,
			timeline,
			keyFigures: await prerenderRows<KeyFigureTotals>(keyFiguresSpec(DEFAULT_FILTERS)),
			map: {
				rows: map,
				svg: prerenderSvg(map.key, (document) =>
					franceMapChart(map.rows, { ...mapModelOptions(DEFAULT_MAP), document })
				)
			},
			svg: {
				heatmap: prerenderHeatmap(heatmap, {
					metric: DEFAULT_FILTERS.metric,
					rows: DEFAULT_FILTERS.rows,
					threshold,
					maxLevel: MAX_LEVEL,
					minN: MIN_N,
					sort: 'overall'
				}),
				steps: prerenderChart(steps.key, (document) => stepsChart(steps.rows, { document }), STEPS_LABEL),
				timeline: prerenderChart(
					timeline.key,
					(document) =>
						timelineChart(timeline.rows, projectLabels(timeline.rows), { document, goal: GOAL_DATE }),
					TIMELINE_LABEL
				)
			}
		}
	};
};
