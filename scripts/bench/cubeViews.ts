/**
 * The cube's view functions as the pages call them (`cube.ts` times them): each takes the filter
 * state a Campagne or Phase change leads to, with the pages' other choices at their defaults.
 */
import type * as Arml from '../../src/lib/cube/arml';
import type * as Criteria from '../../src/lib/cube/criteria';
import type * as Heatmap from '../../src/lib/cube/heatmap';
import type * as Map from '../../src/lib/cube/map';
import type * as Ml from '../../src/lib/cube/ml';
import type * as Network from '../../src/lib/cube/network';
import type * as Paired from '../../src/lib/cube/paired';
import type * as Plans from '../../src/lib/cube/plans';
import type * as Training from '../../src/lib/cube/training';
import type { Cube } from '../../src/lib/cube/types';
import type { Phase } from '../../src/lib/model/domain';
import { DEFAULT_FILTERS, type Filters } from '../../src/lib/model/filters';

export type State = { campaign: Filters['campaign']; phase: Filters['phase'] };

const CAMPAIGNS: Filters['campaign'][] = ['latest', 2025, 2024, 2023, 2022, 2021];
const PHASES: Filters['phase'][] = ['auto-evaluation', 'audit', 'both'];

/** `n` states, Campagne and Phase changed alternately to their next option, from `start`. */
export function states(n: number, start = 0): State[] {
	let c = start % CAMPAIGNS.length;
	let p = start % PHASES.length;
	const out: State[] = [];
	for (let i = 0; i < n; i++) {
		if (i % 2 === 0) c = (c + 1) % CAMPAIGNS.length;
		else p = (p + 1) % PHASES.length;
		out.push({ campaign: CAMPAIGNS[c], phase: PHASES[p] });
	}
	return out;
}

const one = (phase: Filters['phase']): Phase => (phase === 'both' ? 'auto-evaluation' : phase);
const ARML = 'occitanie';
const ML = 'ML-31-01';
const threshold = 3;

export type View = { name: string; run: (cube: Cube, s: State) => unknown };

const scope = (cube: Cube, s: State) => ({
	campaign: s.campaign,
	phase: one(s.phase),
	arml: null,
	status: null,
	threshold,
	today: cube.date
});
const view = (cube: Cube, s: State) => ({ campaign: s.campaign, phase: one(s.phase), today: cube.date });

/** The cube's modules: those of the working tree, or of another revision (`cube.ts --base`). */
type Modules = typeof Arml &
	typeof Criteria &
	typeof Heatmap &
	typeof Map &
	typeof Ml &
	typeof Network &
	typeof Paired &
	typeof Plans &
	typeof Training;

const MODULES = ['arml', 'criteria', 'heatmap', 'map', 'ml', 'network', 'paired', 'plans', 'training'];

/** A module of the cube layer; none for `training` in revisions that kept it in `criteria`. */
const load = (dir: string, name: string) => import(`${dir}/${name}`).catch(() => ({}));

/** The view functions of the cube layer in `dir` (a directory beside `src/lib/cube`). */
export async function viewsOf(dir: string): Promise<View[]> {
	const m = Object.assign({}, ...(await Promise.all(MODULES.map((n) => load(dir, n))))) as Modules;
	const {
		armlGapRows,
		armlIndexRows,
		armlPairedRows,
		armlRankingRows,
		armlRatesRows,
		armlUncoveredRows,
		criteriaChangeRows,
		criteriaPlansRows,
		criteriaRankingRows,
		criterionArmlRows,
		criterionMlRows,
		elementMeanRows,
		heatmapRows,
		keyFiguresRows,
		mapRows,
		mlPairedRows,
		mlScoreRows,
		selfAuditRows,
		stepsRows,
		trainingCountRows,
		trainingTargetRows
	} = m;
	return [
		// Home
		{
			name: 'heatmap:home',
			run: (cube, s) => heatmapRows(cube, { ...DEFAULT_FILTERS, ...s, threshold, today: cube.date })
		},
		{ name: 'steps', run: (cube) => stepsRows(cube) },
		{ name: 'keyFigures', run: (cube) => keyFiguresRows(cube, null) },
		{
			name: 'map:score',
			run: (cube, s) =>
				mapRows(cube, {
					level: 'departement',
					measure: 'score',
					today: cube.date,
					phase: one(s.phase),
					criterion: null,
					threshold,
					keyFigure: 'pacea'
				})
		},
		// ARML page
		{
			name: 'heatmap:arml',
			run: (cube, s) =>
				heatmapRows(cube, {
					...DEFAULT_FILTERS,
					campaign: s.campaign,
					phase: one(s.phase),
					arml: ARML,
					rows: 'ml',
					threshold,
					today: cube.date
				})
		},
		{ name: 'armlIndex', run: (cube, s) => armlIndexRows(cube, { ...view(cube, s), arml: ARML }) },
		{ name: 'armlIndex:all', run: (cube, s) => armlIndexRows(cube, { ...view(cube, s), arml: null }) },
		{
			name: 'armlRanking',
			run: (cube, s) => armlRankingRows(cube, { ...view(cube, s), arml: ARML, threshold })
		},
		{ name: 'armlGap', run: (cube, s) => armlGapRows(cube, { ...view(cube, s), arml: ARML }) },
		{ name: 'armlRates', run: (cube) => armlRatesRows(cube, { arml: ARML, year: null }) },
		{
			name: 'armlPaired',
			run: (cube, s) => armlPairedRows(cube, { campaign: s.campaign, today: cube.date, arml: ARML })
		},
		{
			name: 'armlUncovered',
			run: (cube, s) => armlUncoveredRows(cube, { ...view(cube, s), threshold, arml: ARML })
		},
		// Criteria explorer
		{ name: 'criteriaRanking', run: (cube, s) => criteriaRankingRows(cube, scope(cube, s)) },
		{
			name: 'criteriaChange',
			run: (cube, s) => {
				const { campaign: _c, threshold: _t, ...rest } = scope(cube, s);
				return criteriaChangeRows(cube, { ...rest, from: 2023, to: 2025 });
			}
		},
		{ name: 'selfAudit', run: (cube, s) => selfAuditRows(cube, scope(cube, s)) },
		{ name: 'criteriaPlans', run: (cube, s) => criteriaPlansRows(cube, scope(cube, s)) },
		{
			name: 'criterionArml',
			run: (cube, s) => criterionArmlRows(cube, { ...scope(cube, s), criterion: '1.1' })
		},
		{ name: 'criterionMl', run: (cube, s) => criterionMlRows(cube, { ...scope(cube, s), criterion: '1.1' }) },
		{
			name: 'elementMeans',
			run: (cube, s) => elementMeanRows(cube, { ...scope(cube, s), criterion: '1.1' })
		},
		{
			name: 'trainingCounts',
			run: (cube, s) => trainingCountRows(cube, { ...scope(cube, s), criteria: ['1.1', '4.2.1'] })
		},
		{
			name: 'trainingTargets',
			run: (cube, s) => trainingTargetRows(cube, { ...scope(cube, s), criteria: ['1.1', '4.2.1'] })
		},
		// ML page
		{ name: 'mlScores', run: (cube, s) => mlScoreRows(cube, { ...view(cube, s), id: ML }) },
		{
			name: 'mlPaired',
			run: (cube, s) => mlPairedRows(cube, { campaign: s.campaign, today: cube.date, id: ML })
		}
	];
}
