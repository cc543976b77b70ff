import type { Database } from '../db/types';
import { columnsOf } from '../db/columns';
import {
	cubeCampaignsQuery,
	cubeEventsQuery,
	cubeFiguresQuery,
	cubeGeographyQueries,
	cubeGroupsQuery,
	cubeLevelCellsQuery,
	cubeLevelsTable,
	cubeMlsQuery,
	dataDateQuery
} from '../db/queries/cube';
import { ident } from '../db/sql';
import type { Columns } from '../db/types';
import { KEY_FIGURES, PHASES, STEPS, type KeyFigure } from '../model/domain';
import { criteria } from '../referentiel';
import { buildPlans } from './buildPlans';
import { ELEMENT_IDS, toDay } from './referentiel';
import { STATUSES_AT_DATE, type Cube } from './types';

type Named = { code: string; name: string };

/** Names the temporary tables of builds that may overlap on one database. */
let builds = 0;

const indexOf = (values: readonly string[]) => new Map(values.map((v, i) => [v, i]));
const STEP = indexOf(STEPS);
const STATUS = indexOf(STATUSES_AT_DATE);

type Cells = {
	scoreSum: Uint16Array;
	scoreCount: Uint8Array;
	elementSum: Uint16Array;
	elementCount: Uint8Array;
};

/**
 * Sums the levels `{ g, c, e, niveau }` (`cubeLevelCellsQuery`) into the cells of `G` groups. A
 * criterion's score averages its criterion-level rows (`e = -1`) when it has any, else all its
 * rows, as `scoredCte` chooses. The typed arrays wrap as the SQL sums cast into them did.
 */
export function sumCells(levels: Columns, G: number, C: number, E: number): Cells {
	const { g = [], c = [], e = [], niveau = [] } = levels;
	const own = { sum: new Int32Array(G * C), n: new Int32Array(G * C) };
	const all = { sum: new Int32Array(G * C), n: new Int32Array(G * C) };
	const elementSum = new Uint16Array(G * E);
	const elementCount = new Uint8Array(G * E);
	for (let i = 0; i < g.length; i++) {
		const level = niveau[i];
		if (c[i] >= 0) {
			const at = g[i] * C + c[i];
			all.sum[at] += level;
			all.n[at]++;
			if (e[i] === -1) {
				own.sum[at] += level;
				own.n[at]++;
			}
		}
		if (e[i] >= 0) {
			const at = g[i] * E + e[i];
			elementSum[at] += level;
			elementCount[at]++;
		}
	}
	const scoreSum = new Uint16Array(G * C);
	const scoreCount = new Uint8Array(G * C);
	for (let at = 0; at < G * C; at++) {
		const from = own.n[at] > 0 ? own : all;
		scoreSum[at] = from.sum[at];
		scoreCount[at] = from.n[at];
	}
	return { scoreSum, scoreCount, elementSum, elementCount };
}

/** Computes the cube of the dataset loaded in `db` (the six contract tables and the geography). */
export async function buildCube(db: Database): Promise<Cube> {
	const [{ date: dataDate }] = await db.query<{ date: string | null }>(dataDateQuery());
	const date = dataDate ?? '1970-01-01';
	const geo = cubeGeographyQueries();
	const arml = await db.query<Named>(geo.arml);
	const regions = await db.query<Named>(geo.regions);
	const deps = await db.query<Named & { region_code: string | null; arml_code: string | null }>(
		geo.departements
	);
	const armlIndex = indexOf(arml.map((a) => a.code));
	const regionIndex = indexOf(regions.map((r) => r.code));
	const depIndex = indexOf(deps.map((d) => d.code));

	type MlRow = {
		ml_id: string;
		nom: string;
		commune: string | null;
		departement_code: string;
		statut: string | null;
		sites: number | null;
		effectif_etp: number | null;
		status: string;
		current_step: string | null;
		current_step_date: string | null;
	};
	const mlRows = await db.query<MlRow>(cubeMlsQuery(date));
	const mlIndex = indexOf(mlRows.map((m) => m.ml_id));
	const mls: Cube['mls'] = {
		id: mlRows.map((m) => m.ml_id),
		name: mlRows.map((m) => m.nom),
		commune: mlRows.map((m) => m.commune),
		departementCode: mlRows.map((m) => m.departement_code),
		departement: Int32Array.from(mlRows, (m) => depIndex.get(m.departement_code) ?? -1),
		statut: mlRows.map((m) => m.statut),
		sites: Float64Array.from(mlRows, (m) => m.sites ?? NaN),
		etp: Float64Array.from(mlRows, (m) => m.effectif_etp ?? NaN),
		status: Uint8Array.from(mlRows, (m) => STATUS.get(m.status) ?? 0),
		step: Int8Array.from(mlRows, (m) => (m.current_step === null ? -1 : (STEP.get(m.current_step) ?? -1))),
		stepDay: Int32Array.from(mlRows, (m) => (m.current_step_date ? toDay(m.current_step_date) : -1))
	};

	// Groups (ML, campaign, phase) and their cells, laid out by index in SQL: at scale 10 the
	// elements are 4 million cells, which rows would take minutes to turn into objects.
	const C = criteria.length;
	const E = ELEMENT_IDS.length;
	const levels = `cube_levels_${++builds}`;
	await db.query(
		cubeLevelsTable(levels, { phases: PHASES, criteria: criteria.map((c) => c.id), elements: ELEMENT_IDS })
	);
	let groups: Columns;
	let cells: Cells;
	try {
		groups = await columnsOf(db, cubeGroupsQuery(levels));
		cells = sumCells(await columnsOf(db, cubeLevelCellsQuery(levels)), groups.ml?.length ?? 0, C, E);
	} finally {
		await db.exec(`DROP TABLE IF EXISTS ${ident(levels)}`);
	}

	type EventRow = { ml_id: string; etape: string; date: string; commentaire: string | null };
	const eventRows = (await db.query<EventRow>(cubeEventsQuery())).filter(
		(e) => mlIndex.has(e.ml_id) && STEP.has(e.etape)
	);
	const comments: string[] = [];
	const commentIndex = new Map<string, number>();
	const commentOf = (text: string | null) => {
		if (text === null) return -1;
		let i = commentIndex.get(text);
		if (i === undefined) commentIndex.set(text, (i = comments.push(text) - 1));
		return i;
	};

	type FigureRow = { ml_id: string; annee: number } & Record<KeyFigure, number | null>;
	const figureRows = (await db.query<FigureRow>(cubeFiguresQuery())).filter((f) => mlIndex.has(f.ml_id));
	const values = Object.fromEntries(
		KEY_FIGURES.map((k) => [k, Float64Array.from(figureRows, (f) => f[k] ?? NaN)])
	) as Record<KeyFigure, Float64Array>;

	const campaigns = (await db.query<{ campagne: number }>(cubeCampaignsQuery())).map((r) => r.campagne);
	const plans = await buildPlans(db);
	return {
		date,
		campaigns,
		arml: { code: arml.map((a) => a.code), name: arml.map((a) => a.name) },
		regions: { code: regions.map((r) => r.code), name: regions.map((r) => r.name) },
		departements: {
			code: deps.map((d) => d.code),
			name: deps.map((d) => d.name),
			region: Int32Array.from(deps, (d) =>
				d.region_code === null ? -1 : (regionIndex.get(d.region_code) ?? -1)
			),
			arml: Int32Array.from(deps, (d) => (d.arml_code === null ? -1 : (armlIndex.get(d.arml_code) ?? -1)))
		},
		mls,
		groups: {
			ml: Uint32Array.from(groups.ml ?? []),
			campaign: Uint16Array.from(groups.campaign ?? []),
			phase: Uint8Array.from(groups.phase ?? [])
		},
		...cells,
		events: {
			ml: Uint32Array.from(eventRows, (e) => mlIndex.get(e.ml_id)!),
			step: Uint8Array.from(eventRows, (e) => STEP.get(e.etape)!),
			day: Int32Array.from(eventRows, (e) => toDay(e.date)),
			comment: Int32Array.from(eventRows, (e) => commentOf(e.commentaire))
		},
		comments,
		figures: {
			ml: Uint32Array.from(figureRows, (f) => mlIndex.get(f.ml_id)!),
			year: Uint16Array.from(figureRows, (f) => f.annee),
			values
		},
		plans
	};
}
