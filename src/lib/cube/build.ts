import type { Database } from '../db/types';
import {
	cubeCampaignsQuery,
	cubeElementsQuery,
	cubeEventsQuery,
	cubeFiguresQuery,
	cubeGeographyQueries,
	cubeMlsQuery,
	cubeScoresQuery,
	dataDateQuery
} from '../db/queries/cube';
import { KEY_FIGURES, PHASES, STEPS, type KeyFigure } from '../model/domain';
import { criteria } from '../referentiel';
import { buildPlans } from './buildPlans';
import { ELEMENT_IDS, toDay } from './referentiel';
import { STATUSES_AT_DATE, type Cube } from './types';

type Named = { code: string; name: string };

const indexOf = (values: readonly string[]) => new Map(values.map((v, i) => [v, i]));
const CRITERION = indexOf(criteria.map((c) => c.id));
const ELEMENT = indexOf(ELEMENT_IDS);
const PHASE = indexOf(PHASES);
const STEP = indexOf(STEPS);
const STATUS = indexOf(STATUSES_AT_DATE);

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

	// Groups (ML, campaign, phase), in the order of the scores query.
	type ScoreRow = {
		ml_id: string;
		campagne: number;
		phase: string;
		criterion_id: string;
		total: number;
		n: number;
	};
	const scoreRows = (await db.query<ScoreRow>(cubeScoresQuery())).filter(
		(r) => mlIndex.has(r.ml_id) && CRITERION.has(r.criterion_id) && PHASE.has(r.phase)
	);
	const groupKey = (ml: number, campaign: number, phase: number) => (ml * 4096 + campaign) * 2 + phase;
	const groupOf = new Map<number, number>();
	const gMl: number[] = [];
	const gCampaign: number[] = [];
	const gPhase: number[] = [];
	const sorted = scoreRows
		.map((r) => ({ r, ml: mlIndex.get(r.ml_id)!, phase: PHASE.get(r.phase)! }))
		.sort((a, b) => a.ml - b.ml || a.r.campagne - b.r.campagne || a.phase - b.phase);
	for (const { r, ml, phase } of sorted) {
		const key = groupKey(ml, r.campagne, phase);
		if (!groupOf.has(key)) {
			groupOf.set(key, gMl.length);
			gMl.push(ml);
			gCampaign.push(r.campagne);
			gPhase.push(phase);
		}
	}
	const C = criteria.length;
	const E = ELEMENT_IDS.length;
	const G = gMl.length;
	const scoreSum = new Uint16Array(G * C);
	const scoreCount = new Uint8Array(G * C);
	for (const { r, ml, phase } of sorted) {
		const at = groupOf.get(groupKey(ml, r.campagne, phase))! * C + CRITERION.get(r.criterion_id)!;
		scoreSum[at] = r.total;
		scoreCount[at] = r.n;
	}
	const elementSum = new Uint16Array(G * E);
	const elementCount = new Uint8Array(G * E);
	type ElementRow = {
		ml_id: string;
		campagne: number;
		phase: string;
		element_id: string;
		total: number;
		n: number;
	};
	for (const r of await db.query<ElementRow>(cubeElementsQuery())) {
		const ml = mlIndex.get(r.ml_id);
		const phase = PHASE.get(r.phase);
		const element = ELEMENT.get(r.element_id);
		if (ml === undefined || phase === undefined || element === undefined) continue;
		const g = groupOf.get(groupKey(ml, r.campagne, phase));
		if (g === undefined) continue;
		elementSum[g * E + element] = r.total;
		elementCount[g * E + element] = r.n;
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
			ml: Uint32Array.from(gMl),
			campaign: Uint16Array.from(gCampaign),
			phase: Uint8Array.from(gPhase)
		},
		scoreSum,
		scoreCount,
		elementSum,
		elementCount,
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
