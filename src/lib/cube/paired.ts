import type { PairedOptions } from '../model/views';
import type { PairedRow } from '../model/rows';
import { CRITERIA } from './referentiel';
import { C, compare, picked, placed, score } from './scope';
import type { Cube } from './types';

type Pair = { ml: number; c: number; self: number; audit: number };
type PerMl = { ml: number; arml: string | null; self: number; audit: number; criteria: number };
type Pairs = { pairs: Pair[]; perMl: PerMl[] };

const pairsCache = new WeakMap<Cube, Map<string, Pairs>>();

/** `pairsCte` on the cube: criteria scored in both phases (campaign choice per phase), per ML. */
function pairsOf(cube: Cube, campaign: PairedOptions['campaign']): Pairs {
	let byCampaign = pairsCache.get(cube);
	if (!byCampaign) pairsCache.set(cube, (byCampaign = new Map()));
	const cached = byCampaign.get(String(campaign));
	if (cached) return cached;
	const p = placed(cube);
	const audits = new Map(picked(cube, campaign, 'audit').map((g) => [cube.groups.ml[g], g]));
	const pairs: Pair[] = [];
	const perMl: PerMl[] = [];
	for (const s of picked(cube, campaign, 'auto-evaluation')) {
		const ml = cube.groups.ml[s];
		const a = audits.get(ml);
		if (a === undefined) continue;
		let self = 0;
		let audit = 0;
		let n = 0;
		for (let c = 0; c < C; c++) {
			const vs = score(cube, s, c);
			const va = score(cube, a, c);
			if (vs === null || va === null) continue;
			pairs.push({ ml, c, self: vs, audit: va });
			self += vs;
			audit += va;
			n++;
		}
		if (n) perMl.push({ ml, arml: p.armlCode[ml], self: self / n, audit: audit / n, criteria: n });
	}
	const result = { pairs, perMl };
	byCampaign.set(String(campaign), result);
	return result;
}

const avg = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** `referenceRows`: the ARML's and the nation's lines, means of the MLs' means. */
function references(perMl: PerMl[], arml: string | null): PairedRow[] {
	const line = (kind: 'arml' | 'nation', id: string | null, label: string, rows: PerMl[]): PairedRow => {
		const self = avg(rows.map((r) => r.self));
		const audit = avg(rows.map((r) => r.audit));
		return {
			kind,
			id,
			label,
			self,
			audit,
			gap: self === null || audit === null ? null : self - audit,
			n: rows.length,
			arml_gap: null,
			arml_n: null,
			national_gap: null
		};
	};
	const members = arml === null ? [] : perMl.filter((r) => r.arml === arml);
	return [
		line('arml', members.length ? arml : null, 'Moyenne de l’ARML', members),
		line('nation', null, 'Moyenne nationale', perMl)
	];
}

/** `ordered`: compared lines by gap (largest first, nulls last), then label; then the references. */
function ordered(lines: PairedRow[], refs: PairedRow[]): PairedRow[] {
	return [
		...lines.sort(
			(a, b) =>
				(a.gap === null ? 1 : 0) - (b.gap === null ? 1 : 0) ||
				(b.gap ?? 0) - (a.gap ?? 0) ||
				compare(a.label, b.label)
		),
		...refs
	];
}

/** `armlPairedQuery` on the cube. */
export function armlPairedRows(cube: Cube, options: PairedOptions & { arml: string }): PairedRow[] {
	const { perMl } = pairsOf(cube, options.campaign);
	const lines = perMl
		.filter((r) => r.arml === options.arml)
		.map((r): PairedRow => ({
			kind: 'ml',
			id: cube.mls.id[r.ml],
			label: cube.mls.name[r.ml],
			self: r.self,
			audit: r.audit,
			gap: r.self - r.audit,
			n: r.criteria,
			arml_gap: null,
			arml_n: null,
			national_gap: null
		}));
	return ordered(lines, references(perMl, options.arml));
}

/** `mlPairedQuery` on the cube. */
export function mlPairedRows(cube: Cube, options: PairedOptions & { id: string }): PairedRow[] {
	const p = placed(cube);
	const me = p.byId.get(options.id);
	const arml = me === undefined ? null : p.armlCode[me];
	const { pairs, perMl } = pairsOf(cube, options.campaign);
	const national = CRITERIA.map(() => ({ sum: 0, n: 0, armlSum: 0, armlN: 0 }));
	for (const pair of pairs) {
		const acc = national[pair.c];
		acc.sum += pair.self - pair.audit;
		acc.n++;
		if (arml !== null && p.armlCode[pair.ml] === arml) {
			acc.armlSum += pair.self - pair.audit;
			acc.armlN++;
		}
	}
	const lines = pairs
		.filter((pair) => pair.ml === me)
		.map((pair): PairedRow => {
			const c = CRITERIA[pair.c];
			const acc = national[pair.c];
			return {
				kind: 'criterion',
				id: c.id,
				label: `${c.id} ${c.shortLabel}`,
				self: pair.self,
				audit: pair.audit,
				gap: pair.self - pair.audit,
				n: 1,
				arml_gap: acc.armlN ? acc.armlSum / acc.armlN : null,
				arml_n: acc.armlN,
				national_gap: acc.n ? acc.sum / acc.n : null
			};
		});
	return ordered(lines, references(perMl, arml));
}
