/**
 * Indexes over the cube that several views read, computed once per cube (and per campaign choice
 * and phase where they depend on it): the views then loop over typed arrays instead of building
 * an object per Mission Locale. A scale-10 network has 4 370 MLs and 43 700 groups.
 */
import type { Phase } from '../model/domain';
import type { Filters } from '../model/filters';
import { C, compare, picked, placed, sortKey, stripAccents } from './scope';
import type { Cube } from './types';

function memo<K, V>(cache: WeakMap<Cube, Map<K, V>>, cube: Cube, key: K, make: () => V): V {
	let byKey = cache.get(cube);
	if (!byKey) cache.set(cube, (byKey = new Map()));
	let value = byKey.get(key);
	if (value === undefined) byKey.set(key, (value = make()));
	return value;
}

const groupCache = new WeakMap<Cube, Map<string, Int32Array>>();

/** Per ML, its picked group for a campaign choice and phase (-1 for none). */
export function groupOfMl(cube: Cube, campaign: Filters['campaign'], phase: Phase): Int32Array {
	return memo(groupCache, cube, `${campaign}|${phase}`, () => {
		const out = new Int32Array(cube.mls.id.length).fill(-1);
		for (const g of picked(cube, campaign, phase)) out[cube.groups.ml[g]] = g;
		return out;
	});
}

const overallCache = new WeakMap<Cube, Map<0, Float64Array>>();

/** Per group, its overall score: the mean of its criteria when all are scored, else NaN. */
export function overallOf(cube: Cube): Float64Array {
	return memo(overallCache, cube, 0, () => {
		const { scoreSum, scoreCount } = cube;
		const out = new Float64Array(cube.groups.ml.length);
		for (let g = 0; g < out.length; g++) {
			let sum = 0;
			let c = 0;
			for (; c < C; c++) {
				const n = scoreCount[g * C + c];
				if (!n) break;
				sum += scoreSum[g * C + c] / n;
			}
			out[g] = c === C ? sum / C : NaN;
		}
		return out;
	});
}

/**
 * How views order MLs by name, each a rank per ML (ties keep the MLs' order, as a stable sort):
 * `sortKey` (`strip_accents(lower(nom))`); `name` (`strip_accents(nom)`, then id); `armlName`
 * (`strip_accents` of its ARML's name, then `name`).
 */
export type MlOrder = 'sortKey' | 'name' | 'armlName';

const orderCache = new WeakMap<Cube, Map<MlOrder, Int32Array>>();

export function mlRank(cube: Cube, order: MlOrder): Int32Array {
	return memo(orderCache, cube, order, () => {
		const { id, name } = cube.mls;
		const names = name.map(order === 'sortKey' ? sortKey : stripAccents);
		const p = placed(cube);
		const armls = order === 'armlName' ? p.armlName.map((n) => stripAccents(n ?? UNKNOWN)) : null;
		const byName = (a: number, b: number) =>
			compare(names[a], names[b]) || (order === 'sortKey' ? 0 : compare(id[a], id[b]));
		const sorted = id
			.map((_, i) => i)
			.sort((a, b) => (armls ? compare(armls[a], armls[b]) : 0) || byName(a, b) || a - b);
		const rank = new Int32Array(id.length);
		sorted.forEach((ml, r) => (rank[ml] = r));
		return rank;
	});
}

/** The name the SQL gives an ML's ARML when its département is unknown. */
export const UNKNOWN = 'Département inconnu';
