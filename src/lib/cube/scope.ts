import type { Phase } from '../model/domain';
import { PHASES } from '../model/domain';
import type { Filters, Status } from '../model/filters';
import { CRITERIA, ELEMENTS } from './referentiel';
import { STATUSES_AT_DATE, type Cube } from './types';

/** What every view needs to know of an ML besides its scores: where it sits. */
export type Placed = {
	/** Index in `cube.arml`, -1 when its département (or the département's ARML) is unknown. */
	arml: Int32Array;
	armlCode: (string | null)[];
	armlName: (string | null)[];
	regionCode: (string | null)[];
	regionName: (string | null)[];
	byId: Map<string, number>;
};

const placedCache = new WeakMap<Cube, Placed>();

/** Each ML's ARML and region (as `mlsCte` joins them), computed once per cube. */
export function placed(cube: Cube): Placed {
	let p = placedCache.get(cube);
	if (p) return p;
	const { mls, departements: d } = cube;
	const armlOf = (i: number) => (mls.departement[i] < 0 ? -1 : d.arml[mls.departement[i]]);
	const regionOf = (i: number) => (mls.departement[i] < 0 ? -1 : d.region[mls.departement[i]]);
	p = {
		arml: Int32Array.from(mls.id, (_, i) => armlOf(i)),
		armlCode: mls.id.map((_, i) => (armlOf(i) < 0 ? null : cube.arml.code[armlOf(i)])),
		armlName: mls.id.map((_, i) => (armlOf(i) < 0 ? null : cube.arml.name[armlOf(i)])),
		regionCode: mls.id.map((_, i) => (regionOf(i) < 0 ? null : cube.regions.code[regionOf(i)])),
		regionName: mls.id.map((_, i) => (regionOf(i) < 0 ? null : cube.regions.name[regionOf(i)])),
		byId: new Map(mls.id.map((id, i) => [id, i]))
	};
	placedCache.set(cube, p);
	return p;
}

export const C = CRITERIA.length;
export const E = ELEMENTS.length;

/** The score of criterion `c` in group `g` (null when not scored). */
export function score(cube: Cube, g: number, c: number): number | null {
	const n = cube.scoreCount[g * C + c];
	return n ? cube.scoreSum[g * C + c] / n : null;
}

/** The mean level of element `e` in group `g` (null when not assessed). */
export function elementLevel(cube: Cube, g: number, e: number): number | null {
	const n = cube.elementCount[g * E + e];
	return n ? cube.elementSum[g * E + e] / n : null;
}

const pickedCache = new WeakMap<Cube, Map<string, readonly number[]>>();

/**
 * The groups a campaign choice keeps for one phase (as `pickedCte`): that campaign, or each ML's
 * latest campaign scored in that phase. At most one group per ML, in ML order. Kept per cube and
 * choice (a filter change usually changes one dimension: the other views find theirs computed).
 */
export function picked(cube: Cube, campaign: Filters['campaign'], phase: Phase): readonly number[] {
	let byChoice = pickedCache.get(cube);
	if (!byChoice) pickedCache.set(cube, (byChoice = new Map()));
	const key = `${campaign}|${phase}`;
	let out = byChoice.get(key);
	if (!out) byChoice.set(key, (out = pick(cube, campaign, phase)));
	return out;
}

function pick(cube: Cube, campaign: Filters['campaign'], phase: Phase): number[] {
	const p = PHASES.indexOf(phase);
	const { ml, campaign: year, phase: ph } = cube.groups;
	const out: number[] = [];
	for (let g = 0; g < ml.length; g++) {
		if (ph[g] !== p) continue;
		if (campaign === 'latest') {
			const last = out.length - 1;
			if (last >= 0 && ml[out[last]] === ml[g]) out[last] = g;
			else out.push(g);
		} else if (year[g] === campaign) out.push(g);
	}
	return out;
}

/** The MLs that pass the ARML and status filters (as `mlsWhere`). */
export function inScope(cube: Cube, filters: Pick<Filters, 'arml' | 'status'>): Uint8Array {
	const p = placed(cube);
	const keep = new Uint8Array(cube.mls.id.length);
	for (let i = 0; i < keep.length; i++)
		keep[i] =
			(!filters.arml || p.armlCode[i] === filters.arml) && statusMatches(cube.mls.status[i], filters.status)
				? 1
				: 0;
	return keep;
}

function statusMatches(index: number, status: Status | null): boolean {
	if (!status) return true;
	const value = STATUSES_AT_DATE[index];
	return status === 'non-labellisee' ? value !== 'labellisee' : value === status;
}

/** DuckDB's `strip_accents(lower(text))`, to order names as the SQL does. */
export function sortKey(text: string): string {
	return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** DuckDB's `strip_accents(text)` (case kept). */
export function stripAccents(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Compares strings as DuckDB does (by code point). */
export function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Mean of numbers, null when none. */
export function mean(values: readonly number[]): number | null {
	if (!values.length) return null;
	let s = 0;
	for (const v of values) s += v;
	return s / values.length;
}

/** Per criterion, the sum and count of the picked groups' scores: nationally, and within one ARML. */
export type CriterionSums = {
	national: Float64Array;
	nationalN: Int32Array;
	arml: Float64Array;
	armlN: Int32Array;
};

/**
 * Sums each criterion's scores over the groups a campaign choice and phase pick, nationally and for
 * the Missions Locales of ARML index `a` (none when -1), in the groups' order, as the SQL's means do.
 */
export function criterionSums(
	cube: Cube,
	campaign: Filters['campaign'],
	phase: Phase,
	a: number
): CriterionSums {
	const p = placed(cube);
	const { scoreSum, scoreCount } = cube;
	const sums: CriterionSums = {
		national: new Float64Array(C),
		nationalN: new Int32Array(C),
		arml: new Float64Array(C),
		armlN: new Int32Array(C)
	};
	for (const g of picked(cube, campaign, phase)) {
		const mine = a >= 0 && p.arml[cube.groups.ml[g]] === a;
		for (let c = 0; c < C; c++) {
			const k = scoreCount[g * C + c];
			if (!k) continue;
			const v = scoreSum[g * C + c] / k;
			sums.national[c] += v;
			sums.nationalN[c]++;
			if (!mine) continue;
			sums.arml[c] += v;
			sums.armlN[c]++;
		}
	}
	return sums;
}
