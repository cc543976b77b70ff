import { changeDumbbellChart } from '$lib/charts/changeDumbbell';
import { elementBarsChart } from '$lib/charts/elementBars';
import { gapBarsChart } from '$lib/charts/gapBars';
import { levelBarsChart } from '$lib/charts/levelBars';
import { demoCube } from '$lib/server/cube';
import type {
	ArmlBelow,
	CriterionChange,
	CriterionRank,
	ElementMean,
	MlBelow,
	SelfAuditGap
} from '$lib/db/queries/criteria';
import { toDomain, type DomainRow } from '$lib/db/queries/domain';
import { threshold } from '$lib/referentiel';
import { prerenderChart, prerenderRows, prerenderSvg } from '$lib/server/prerender';
import { franceMapChart } from '$lib/charts/franceMap';
import type { MapArea } from '$lib/model/rows';
import { DEFAULT_MAP, mapModelOptions, mapSpec, type MapChoice } from '../mapSpecs';
import { DEFAULT_FILTERS } from '$lib/model/filters';
import type { PageServerLoad } from './$types';
import { defaultComparison } from './criteriaParams';
import {
	changeSpec,
	criterionSpecs,
	domainSpec,
	CHART_LABELS,
	LEVEL_LABELS,
	MAX_LEVEL,
	phaseOf,
	rankingSpec,
	scopeOf,
	selfAuditSpec
} from './criteriaSpecs';

// At build time (prerendering, in Node) the default view is computed on the demo data and its charts
// drawn as SVG, so they are in the HTML before DuckDB-WASM starts; in the browser, it takes over.
export const load: PageServerLoad = async () => {
	const today = (await demoCube()).date;
	const scope = scopeOf(DEFAULT_FILTERS, today);
	const domain = await prerenderRows<DomainRow>(domainSpec());
	const ranking = await prerenderRows<CriterionRank>(rankingSpec(scope));
	const comparison = defaultComparison(toDomain(domain.rows).campaigns);
	const change = comparison ? await prerenderRows<CriterionChange>(changeSpec(scope, comparison)) : null;
	const selfAudit = await prerenderRows<SelfAuditGap>(selfAuditSpec(scope));
	const first = ranking.rows[0]?.criterion_id;
	const specs = first ? criterionSpecs(scope, first) : null;
	const criterion = specs
		? {
				armls: await prerenderRows<ArmlBelow>(specs.armls),
				mls: await prerenderRows<MlBelow>(specs.mls),
				elements: await prerenderRows<ElementMean>(specs.elements)
			}
		: null;
	const mapChoice: MapChoice = {
		...DEFAULT_MAP,
		measure: 'below',
		phase: phaseOf(DEFAULT_FILTERS),
		criterion: first ?? null
	};
	const mapRows = first ? await prerenderRows<MapArea>(mapSpec(mapChoice, today)) : null;
	return {
		build: {
			today,
			domain,
			ranking,
			change,
			selfAudit,
			criterion,
			map: mapRows
				? {
						rows: mapRows,
						svg: prerenderSvg(mapRows.key, (document) =>
							franceMapChart(mapRows.rows, { ...mapModelOptions(mapChoice), document })
						)
					}
				: null,
			svg: {
				ranking: prerenderChart(
					ranking.key,
					(document) => levelBarsChart(ranking.rows, { document, levelLabels: LEVEL_LABELS }),
					CHART_LABELS.ranking
				),
				change:
					change && comparison
						? prerenderChart(
								change.key,
								(document) => changeDumbbellChart(change.rows, { document, ...comparison }),
								CHART_LABELS.change
							)
						: null,
				selfAudit: prerenderChart(
					selfAudit.key,
					(document) => gapBarsChart(selfAudit.rows, { document }),
					CHART_LABELS.gaps
				),
				elements: criterion
					? prerenderChart(
							criterion.elements.key,
							(document) =>
								elementBarsChart(criterion.elements.rows, { document, threshold, maxLevel: MAX_LEVEL }),
							CHART_LABELS.elements
						)
					: null
			}
		}
	};
};
