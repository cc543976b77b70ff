import { ACTION_STATUSES, FINDING_TYPES } from '../model/domain';
import type {
	CriterionPlans,
	MlAction,
	MlFinding,
	OverdueAction,
	PlansPresence,
	UncoveredCriterion
} from '../model/rows';
import type { CriteriaPlansOptions, OverdueOptions, PlansScope } from '../model/views';
import { CRITERIA, fromDay, toDay } from './referentiel';
import { C, compare, inScope, picked, placed } from './scope';
import { NO_DAY, type Cube } from './types';

const OPEN = new Set([ACTION_STATUSES.indexOf('prevue'), ACTION_STATUSES.indexOf('en-cours')]);
const ABANDONED = ACTION_STATUSES.indexOf('abandonnee');
const DONE = ACTION_STATUSES.indexOf('realisee');

const isoOf = (day: number) => (day === NO_DAY ? null : fromDay(day));
/** SQL's ascending order of dates, NULLs last. */
const byDay = (a: number, b: number) => (a === NO_DAY ? (b === NO_DAY ? 0 : 1) : b === NO_DAY ? -1 : a - b);

/**
 * Whether action `i` is overdue as the SQL says it (`statut IN ('prevue', 'en-cours') AND
 * echeance < as_of`): false for a closed action, null when there is no date to compare.
 */
function overdue(cube: Cube, i: number): boolean | null {
	const { status, deadline } = cube.plans.actions;
	if (!OPEN.has(status[i])) return false;
	if (cube.plans.asOf === null || deadline[i] === NO_DAY) return null;
	return deadline[i] < toDay(cube.plans.asOf);
}

/** The rows of the plan tables that name ML `id`. */
function rowsOf(ml: Uint32Array, index: number | undefined): number[] {
	const out: number[] = [];
	if (index !== undefined) for (let i = 0; i < ml.length; i++) if (ml[i] === index) out.push(i);
	return out;
}

const mlIndexCache = new WeakMap<Cube, Map<string, number>>();
function mlIndex(cube: Cube, id: string): number | undefined {
	let index = mlIndexCache.get(cube);
	if (!index) mlIndexCache.set(cube, (index = new Map(cube.plans.mls.map((m, i) => [m, i]))));
	return index.get(id);
}

/** `plansPresenceQuery` on the cube. */
export function plansPresenceRows(cube: Cube): PlansPresence[] {
	const { actionCount, findingCount, asOf } = cube.plans;
	return [{ actions: actionCount, constats: findingCount, as_of: asOf }];
}

/** `mlActionsQuery` on the cube: an ML's actions in référentiel, deadline then label order. */
export function mlActionRows(cube: Cube, id: string): MlAction[] {
	const { actions: a, texts } = cube.plans;
	return rowsOf(a.ml, mlIndex(cube, id))
		.sort(
			(i, j) =>
				CRITERIA[a.criterion[i]].position - CRITERIA[a.criterion[j]].position ||
				byDay(a.deadline[i], a.deadline[j]) ||
				compare(texts[a.label[i]], texts[a.label[j]])
		)
		.map((i) => ({
			criterion_id: CRITERIA[a.criterion[i]].id,
			short_label: CRITERIA[a.criterion[i]].shortLabel,
			libelle: texts[a.label[i]],
			echeance: isoOf(a.deadline[i])!,
			statut: ACTION_STATUSES[a.status[i]],
			date_maj: isoOf(a.updated[i]),
			overdue: overdue(cube, i)
		}));
}

/** `mlFindingsQuery` on the cube: the findings of an ML's latest campaign with findings. */
export function mlFindingRows(cube: Cube, id: string): MlFinding[] {
	const { findings: f, texts } = cube.plans;
	const mine = rowsOf(f.ml, mlIndex(cube, id));
	const latest = Math.max(...mine.map((i) => f.campaign[i]));
	const type = (i: number) => FINDING_TYPES[f.type[i]];
	return mine
		.filter((i) => f.campaign[i] === latest)
		.sort(
			(i, j) =>
				CRITERIA[f.criterion[i]].position - CRITERIA[f.criterion[j]].position ||
				compare(type(i), type(j)) ||
				compare(texts[f.text[i]], texts[f.text[j]])
		)
		.map((i) => ({
			campagne: f.campaign[i],
			criterion_id: CRITERIA[f.criterion[i]].id,
			short_label: CRITERIA[f.criterion[i]].shortLabel,
			type: type(i),
			texte: texts[f.text[i]]
		}));
}

/** `armlOverdueQuery` on the cube: the overdue actions of an ARML's MLs, oldest deadline first. */
export function armlOverdueRows(cube: Cube, o: OverdueOptions): OverdueAction[] {
	const { actions: a, texts, mls } = cube.plans;
	const p = placed(cube);
	const out: { i: number; ml: number }[] = [];
	for (let i = 0; i < a.ml.length; i++) {
		const ml = p.byId.get(mls[a.ml[i]]);
		if (ml !== undefined && p.armlCode[ml] === o.arml && overdue(cube, i)) out.push({ i, ml });
	}
	const name = (ml: number) => cube.mls.name[ml];
	return out
		.sort(
			(x, y) =>
				byDay(a.deadline[x.i], a.deadline[y.i]) ||
				compare(name(x.ml), name(y.ml)) ||
				CRITERIA[a.criterion[x.i]].position - CRITERIA[a.criterion[y.i]].position
		)
		.map(({ i, ml }) => ({
			ml_id: cube.mls.id[ml],
			nom: name(ml),
			criterion_id: CRITERIA[a.criterion[i]].id,
			short_label: CRITERIA[a.criterion[i]].shortLabel,
			libelle: texts[a.label[i]],
			echeance: isoOf(a.deadline[i])!,
			statut: ACTION_STATUSES[a.status[i]]
		}));
}

const plannedCache = new WeakMap<Cube, Uint8Array>();

/**
 * Per ML of the cube and criterion, whether it has an action that is not abandoned (`planned`):
 * independent of the filters, kept per cube.
 */
function plannedOf(cube: Cube): Uint8Array {
	const cached = plannedCache.get(cube);
	if (cached) return cached;
	const { actions: a, mls } = cube.plans;
	const byId = placed(cube).byId;
	const planned = new Uint8Array(cube.mls.id.length * C);
	for (let i = 0; i < a.ml.length; i++) {
		const ml = byId.get(mls[a.ml[i]]);
		if (ml !== undefined && a.status[i] !== ABANDONED) planned[ml * C + a.criterion[i]] = 1;
	}
	plannedCache.set(cube, planned);
	return planned;
}

/** `weak`: each (ML, criterion) scored below the threshold in the scope, planned or not. */
function weakOf(
	cube: Cube,
	o: PlansScope,
	each: (ml: number, c: number, planned: boolean) => void,
	assessed?: (c: number, ml: number) => void
) {
	const planned = plannedOf(cube);
	const { scoreSum, scoreCount } = cube;
	for (const g of picked(cube, o.campaign, o.phase)) {
		const ml = cube.groups.ml[g];
		for (let c = 0; c < C; c++) {
			const k = scoreCount[g * C + c];
			if (!k) continue;
			assessed?.(c, ml);
			if (scoreSum[g * C + c] / k < o.threshold) each(ml, c, planned[ml * C + c] === 1);
		}
	}
}

/** `armlUncoveredQuery` on the cube: an ARML's weak criteria that some MLs have no action on. */
export function armlUncoveredRows(cube: Cube, o: PlansScope & { arml: string }): UncoveredCriterion[] {
	const p = placed(cube);
	const per = CRITERIA.map(() => ({ weak: 0, names: [] as string[] }));
	const a = cube.arml.code.indexOf(o.arml);
	weakOf(cube, o, (ml, c, planned) => {
		if (a < 0 || p.arml[ml] !== a) return;
		per[c].weak++;
		if (!planned) per[c].names.push(cube.mls.name[ml]);
	});
	return CRITERIA.map((criterion, c) => ({ criterion, ...per[c] }))
		.filter((r) => r.names.length > 0)
		.sort((x, y) => y.names.length - x.names.length || x.criterion.position - y.criterion.position)
		.map(({ criterion, weak, names }) => ({
			criterion_id: criterion.id,
			short_label: criterion.shortLabel,
			weak,
			uncovered: names.length,
			uncovered_mls: names.sort(compare).join(', ')
		}));
}

const cubeMlCache = new WeakMap<Cube, Int32Array>();

/** Per ML of the plan tables, its index in `cube.mls` (-1 when `missions_locales` lacks it). */
function cubeMlOf(cube: Cube): Int32Array {
	let out = cubeMlCache.get(cube);
	if (!out) {
		const byId = placed(cube).byId;
		out = Int32Array.from(cube.plans.mls, (id) => byId.get(id) ?? -1);
		cubeMlCache.set(cube, out);
	}
	return out;
}

/**
 * `criteriaPlansQuery` on the cube: each criterion's weak MLs against its actions, in the ARML and
 * status chosen.
 */
export function criteriaPlansRows(cube: Cube, o: CriteriaPlansOptions): CriterionPlans[] {
	const keep = inScope(cube, o);
	const n = new Int32Array(C);
	const weak = new Int32Array(C);
	const weakPlanned = new Int32Array(C);
	weakOf(
		cube,
		o,
		(ml, c, planned) => {
			if (!keep[ml]) return;
			weak[c]++;
			if (planned) weakPlanned[c]++;
		},
		(c, ml) => {
			if (keep[ml]) n[c]++;
		}
	);
	// Per criterion, its actions not abandoned, those done and the MLs they name.
	const a = cube.plans.actions;
	const cubeMl = cubeMlOf(cube);
	const actions = new Int32Array(C);
	const done = new Int32Array(C);
	const mls = new Int32Array(C);
	const named = new Uint8Array(cube.plans.mls.length * C);
	for (let i = 0; i < a.ml.length; i++) {
		const ml = cubeMl[a.ml[i]];
		if (a.status[i] === ABANDONED || ml < 0 || !keep[ml]) continue;
		const c = a.criterion[i];
		actions[c]++;
		if (!named[a.ml[i] * C + c]) mls[c] += named[a.ml[i] * C + c] = 1;
		if (a.status[i] === DONE) done[c]++;
	}
	return CRITERIA.map((criterion, c) => ({ criterion, c }))
		.sort((x, y) => x.criterion.position - y.criterion.position)
		.map(({ criterion, c }) => ({
			criterion_id: criterion.id,
			short_label: criterion.shortLabel,
			n: n[c],
			weak: weak[c],
			weak_planned: weakPlanned[c],
			actions: actions[c],
			done: done[c],
			mls: mls[c]
		}));
}
