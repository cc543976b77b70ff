import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDatabase } from '../db/testing/fixture';
import { randomNetwork } from '../db/testing/randomNetwork';
import { openWasmNodeDatabase } from '../db/wasmNode';
import type { Database, Query } from '../db/types';
import { domainQuery } from '../db/queries/domain';
import { heatmapQuery, type HeatmapOptions } from '../db/queries/heatmap';
import { keyFiguresQuery } from '../db/queries/keyFigures';
import { stepsQuery, timelineQuery } from '../db/queries/progress';
import { STATUSES, type Filters } from '../model/filters';
import { criteria } from '../referentiel';
import { buildCube } from './build';
import { decodeCube, encodeCube } from './codec';
import {
	armlGapQuery,
	armlIndexQuery,
	armlRankingQuery,
	armlRatesQuery,
	keyFigureYearsQuery
} from '../db/queries/arml';
import { armlGapRows, armlIndexRows, armlRankingRows, armlRatesRows, keyFigureYearRows } from './arml';
import {
	criteriaChangeQuery,
	criteriaRankingQuery,
	criterionArmlQuery,
	criterionMlsQuery,
	elementMeansQuery,
	selfAuditQuery
} from '../db/queries/criteria';
import { trainingCountsQuery, trainingTargetsQuery } from '../db/queries/training';
import {
	criteriaChangeRows,
	criteriaRankingRows,
	criterionArmlRows,
	criterionMlRows,
	elementMeanRows,
	selfAuditRows
} from './criteria';
import { trainingCountRows, trainingTargetRows } from './training';
import { heatmapRows } from './heatmap';
import { domainRows, keyFiguresRows, stepsRows, timelineRows } from './network';
import { expectSameRows } from './testing';
import { mapQuery, type MapOptions } from '../db/queries/map';
import { mlKeyFiguresQuery, mlProfileQuery, mlScoresQuery, mlTimelineQuery } from '../db/queries/ml';
import { mlSearchQuery } from '../db/queries/search';
import { armlPairedQuery, mlPairedQuery } from '../db/queries/selfAudit';
import { KEY_FIGURES } from '../model/domain';
import { mapRows } from './map';
import { mlKeyFigureRows, mlProfileRows, mlScoreRows, mlTimelineRows } from './ml';
import { armlPairedRows, mlPairedRows } from './paired';
import { mlSearchRows } from './search';
import {
	armlOverdueQuery,
	armlUncoveredQuery,
	criteriaPlansQuery,
	mlActionsQuery,
	mlFindingsQuery,
	plansPresenceQuery
} from '../db/queries/plans';
import {
	armlOverdueRows,
	armlUncoveredRows,
	criteriaPlansRows,
	mlActionRows,
	mlFindingRows,
	plansPresenceRows
} from './plans';
import type { Cube } from './types';

// Every view's rows from the cube equal the same view computed by SQL on the raw tables, for
// random filter states, on both engines (node-api, and DuckDB-WASM's Node build).
const engines = { 'node-api': undefined, 'duckdb-wasm': openWasmNodeDatabase } as const;
// DuckDB-WASM is several times slower: fewer random states there, and time for a busy machine.
const RUNS: Record<keyof typeof engines, number> = { 'node-api': 25, 'duckdb-wasm': 10 };
const SLOW = 180_000;

const filters = fc.record<Filters>({
	campaign: fc.constantFrom('latest' as const, 2023, 2024, 2025, 2019),
	phase: fc.constantFrom('auto-evaluation' as const, 'audit' as const, 'both' as const),
	arml: fc.constantFrom(null, 'bretagne', 'antilles-guyane', 'atlantide'),
	chapter: fc.constantFrom(null, '1', '4'),
	criterion: fc.constantFrom(null, ...criteria.map((c) => c.id)),
	status: fc.constantFrom(null, ...STATUSES),
	rows: fc.constantFrom('arml' as const, 'region' as const, 'ml' as const),
	columns: fc.constantFrom('criterion' as const, 'section' as const, 'chapter' as const),
	metric: fc.constant('mean' as const)
});

for (const [engine, open] of Object.entries(engines)) {
	describe(`the cube against SQL on ${engine}`, () => {
		let db: Database;
		let cube: Cube;
		const sql = <T>(query: Query) => db.query<T & object>(query);

		beforeAll(async () => {
			db = await fixtureDatabase(randomNetwork(12), open);
			// Through its file format, as the browser reads it.
			cube = await decodeCube(await encodeCube(await buildCube(db)));
		}, 120_000);
		afterAll(() => db.close());

		it('dates the data by its latest date', async () => {
			const [{ date }] = await sql<{ date: string }>({
				sql: "SELECT strftime(max(date), '%Y-%m-%d') AS date FROM labellisation",
				params: []
			});
			expect(cube.date >= date).toBe(true);
		});

		it('gives the filters’ domain', async () => {
			expectSameRows(domainRows(cube), await sql(domainQuery()), ['kind', 'label']);
		});

		it(
			'gives every heatmap',
			async () => {
				await fc.assert(
					fc.asyncProperty(filters, fc.boolean(), async (f, elements) => {
						const options: HeatmapOptions = {
							...f,
							columns: elements && f.criterion ? 'element' : f.columns,
							threshold: 3,
							today: cube.date
						};
						expectSameRows(heatmapRows(cube, options), await sql(heatmapQuery(options)), [
							'phase',
							'row_label',
							'col_position'
						]);
					}),
					{ numRuns: RUNS[engine as keyof typeof engines] }
				);
			},
			SLOW
		);

		it('gives the steps and the timeline', async () => {
			for (const arml of [null, 'bretagne', 'atlantide'])
				expectSameRows(stepsRows(cube, arml), await sql(stepsQuery(cube.date, arml)), ['arml_nom', 'step']);
			expectSameRows(timelineRows(cube), await sql(timelineQuery(cube.date)), ['month']);
		});

		it(
			'gives every view of the ARML pages',
			async () => {
				await fc.assert(
					fc.asyncProperty(filters, async (f) => {
						const phase = f.phase === 'both' ? 'audit' : f.phase;
						const view = { campaign: f.campaign, phase, today: cube.date } as const;
						const arml = f.arml ?? 'bretagne';
						expectSameRows(
							armlIndexRows(cube, { ...view, arml: f.arml }),
							await sql(armlIndexQuery({ ...view, arml: f.arml })),
							['arml_nom']
						);
						const ranking = { ...view, arml, threshold: 3 };
						expectSameRows(armlRankingRows(cube, ranking), await sql(armlRankingQuery(ranking)), [
							'rank',
							'nom'
						]);
						expectSameRows(armlGapRows(cube, { ...view, arml }), await sql(armlGapQuery({ ...view, arml })), [
							'position'
						]);
					}),
					{ numRuns: RUNS[engine as keyof typeof engines] }
				);
				expectSameRows(keyFigureYearRows(cube), await sql(keyFigureYearsQuery()), ['annee']);
				for (const arml of ['bretagne', 'antilles-guyane', 'atlantide'])
					for (const year of [null, 2021, 2024, 1999])
						expectSameRows(armlRatesRows(cube, { arml, year }), await sql(armlRatesQuery({ arml, year })), [
							'nom'
						]);
			},
			SLOW
		);

		it(
			'gives every view of the criteria explorer',
			async () => {
				await fc.assert(
					fc.asyncProperty(filters, fc.constantFrom(2023, 2024, 2025), async (f, to) => {
						const phase = f.phase === 'both' ? 'audit' : f.phase;
						const scope = {
							campaign: f.campaign,
							phase,
							arml: f.arml,
							status: f.status,
							threshold: 3,
							today: cube.date
						} as const;
						expectSameRows(criteriaRankingRows(cube, scope), await sql(criteriaRankingQuery(scope)), [
							'share_below',
							'mean',
							'position'
						]);
						const change = { phase, arml: f.arml, status: f.status, today: cube.date, from: 2023, to };
						expectSameRows(criteriaChangeRows(cube, change), await sql(criteriaChangeQuery(change)), [
							'delta',
							'position'
						]);
						expectSameRows(selfAuditRows(cube, scope), await sql(selfAuditQuery(scope)), ['gap', 'position']);
						const criterion = { ...scope, criterion: f.criterion ?? '1.1' };
						expectSameRows(criterionArmlRows(cube, criterion), await sql(criterionArmlQuery(criterion)), [
							'share_below',
							'below',
							'arml_nom'
						]);
						expectSameRows(criterionMlRows(cube, criterion), await sql(criterionMlsQuery(criterion)), [
							'score',
							'nom',
							'ml_id'
						]);
						expectSameRows(elementMeanRows(cube, criterion), await sql(elementMeansQuery(criterion)), [
							'mean',
							'position'
						]);
						const training = { ...scope, criteria: [f.criterion ?? '1.1', '4.2.1'] };
						expectSameRows(trainingCountRows(cube, training), await sql(trainingCountsQuery(training)), [
							'arml_nom',
							'criterion_id'
						]);
						expectSameRows(trainingTargetRows(cube, training), await sql(trainingTargetsQuery(training)), [
							'arml_nom',
							'nom',
							'ml_id',
							'criterion_id'
						]);
					}),
					{ numRuns: RUNS[engine as keyof typeof engines] }
				);
			},
			SLOW
		);

		const mlIds = fc.constantFrom('M00', 'M03', 'M07', 'M11', 'M17', 'M23', 'inconnue');

		it(
			'gives every view of an ML’s profile',
			async () => {
				await fc.assert(
					fc.asyncProperty(filters, mlIds, async (f, id) => {
						const phase = f.phase === 'both' ? 'audit' : f.phase;
						const today = cube.date;
						expectSameRows(mlProfileRows(cube, id), await sql(mlProfileQuery(id, today)), ['ml_id']);
						const view = { id, campaign: f.campaign, phase, today } as const;
						expectSameRows(mlScoreRows(cube, view), await sql(mlScoresQuery(view)), ['position']);
						expectSameRows(mlTimelineRows(cube, id), await sql(mlTimelineQuery(id)), ['date', 'etape']);
						expectSameRows(mlKeyFigureRows(cube, id), await sql(mlKeyFiguresQuery(id)), ['annee']);
					}),
					{ numRuns: RUNS[engine as keyof typeof engines] }
				);
			},
			SLOW
		);

		it(
			'gives every self-assessment against audit view',
			async () => {
				await fc.assert(
					fc.asyncProperty(filters, mlIds, async (f, id) => {
						const paired = { campaign: f.campaign, today: cube.date };
						const arml = f.arml ?? 'bretagne';
						expectSameRows(
							armlPairedRows(cube, { ...paired, arml }),
							await sql(armlPairedQuery({ ...paired, arml })),
							['kind', 'gap', 'label']
						);
						expectSameRows(
							mlPairedRows(cube, { ...paired, id }),
							await sql(mlPairedQuery({ ...paired, id })),
							['kind', 'gap', 'label']
						);
					}),
					{ numRuns: RUNS[engine as keyof typeof engines] }
				);
			},
			SLOW
		);

		it(
			'gives every view of the improvement plans and audit findings',
			async () => {
				expectSameRows(plansPresenceRows(cube), await sql(plansPresenceQuery()), []);
				// M99 has actions and findings but is missing from missions_locales.
				const ids = fc.constantFrom('M00', 'M03', 'M07', 'M11', 'M17', 'M23', 'M99', 'inconnue');
				await fc.assert(
					fc.asyncProperty(filters, ids, fc.constantFrom(2, 3, 3.5), async (f, id, threshold) => {
						const phase = f.phase === 'both' ? 'audit' : f.phase;
						const today = cube.date;
						const arml = f.arml ?? 'bretagne';
						expectSameRows(mlActionRows(cube, id), await sql(mlActionsQuery(id)), [
							'criterion_id',
							'echeance',
							'libelle'
						]);
						expectSameRows(mlFindingRows(cube, id), await sql(mlFindingsQuery(id)), [
							'criterion_id',
							'type',
							'texte'
						]);
						expectSameRows(
							armlOverdueRows(cube, { arml, today }),
							await sql(armlOverdueQuery({ arml, today })),
							['echeance', 'nom', 'criterion_id']
						);
						const scope = { phase, campaign: f.campaign, threshold, today };
						expectSameRows(
							armlUncoveredRows(cube, { ...scope, arml }),
							await sql(armlUncoveredQuery({ ...scope, arml })),
							['uncovered', 'criterion_id']
						);
						const narrowed = { ...scope, arml: f.arml, status: f.status };
						expectSameRows(criteriaPlansRows(cube, narrowed), await sql(criteriaPlansQuery(narrowed)), [
							'criterion_id'
						]);
					}),
					{ numRuns: RUNS[engine as keyof typeof engines] }
				);
			},
			SLOW
		);

		it(
			'gives every map',
			async () => {
				const choice = fc.record({
					level: fc.constantFrom('arml' as const, 'departement' as const),
					measure: fc.constantFrom(
						'labellisation' as const,
						'score' as const,
						'below' as const,
						'keyFigure' as const
					),
					phase: fc.constantFrom('auto-evaluation' as const, 'audit' as const),
					criterion: fc.constantFrom(null, '1.1', '4.2.1', '5.3'),
					threshold: fc.constantFrom(2, 3, 3.5),
					keyFigure: fc.constantFrom(...KEY_FIGURES.filter((k) => k !== 'jeunes_accompagnes'))
				});
				// The criteria explorer's map follows its filter bar; the home page's asks for no scope.
				const scope = fc.option(
					fc.record({
						campaign: filters.map((f) => f.campaign),
						arml: filters.map((f) => f.arml),
						status: filters.map((f) => f.status)
					}),
					{ nil: {} }
				);
				await fc.assert(
					fc.asyncProperty(choice, scope, async (c, s) => {
						const options: MapOptions = { ...c, ...s, today: cube.date };
						expectSameRows(mapRows(cube, options), await sql(mapQuery(options)), ['area_id']);
					}),
					{ numRuns: RUNS[engine as keyof typeof engines] * 2 }
				);
			},
			SLOW
		);

		it('finds MLs as the search box’s SQL does', async () => {
			const terms = [
				'brest',
				'ML',
				'e',
				'île',
				'ILE',
				'm0',
				'etang 1',
				'Ml-brest',
				'',
				'  ',
				'zz',
				'1 2',
				'%',
				'_'
			];
			for (const term of terms)
				for (const limit of [3, 10])
					expectSameRows(mlSearchRows(cube, term, limit), await sql(mlSearchQuery(term, limit)), ['ml_id']);
		});

		it('gives the key figures of any year', async () => {
			for (const year of [null, 2021, 2022, 2025, 2026, 1999])
				expectSameRows(keyFiguresRows(cube, year), await sql(keyFiguresQuery(year)), ['annee']);
		});

		it('gives the key figures of one ARML for any year', async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.constantFrom(null, 2021, 2022, 2023, 2025, 2026, 1999),
					fc.constantFrom('bretagne', 'antilles-guyane', 'atlantide', 'corse', 'nowhere'),
					async (year, arml) => {
						expectSameRows(keyFiguresRows(cube, year, arml), await sql(keyFiguresQuery(year, arml)), [
							'annee'
						]);
					}
				),
				{ numRuns: RUNS[engine as keyof typeof engines] }
			);
		});
	});
}
