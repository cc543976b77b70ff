import type { PairedOptions } from '../model/views';
import type { PairedRow } from '../model/rows';
import { CRITERIA } from './referentiel';
import { groupOfMl } from './indexes';
import { C, compare, picked, placed, score } from './scope';
import type { Cube } from './types';

/** Criteria scored in both phases, as typed columns (one entry per ML and criterion). */
type Pair = { ml: Int32Array; c: Int32Array; self: Float64Array; audit: Float64Array };
type PerMl = { ml: number; arml: string | null; self: number; audit: number; criteria: number };
type Pairs = { pairs: Pair; perMl: PerMl[] };

const pairsCache = new WeakMap<Cube, Map<string, Pairs>>();

/** `pairsCte` on the cube: criteria scored in both phases (campaign choice per phase), per ML. */
function pairsOf(cube: Cube, campaign: PairedOptions['campaign']): Pairs {
	let byCampaign = pairsCache.get(cube);
	if (!byCampaign) pairsCache.set(cube, (byCampaign = new Map()));
	const cached = byCampaign.get(String(campaign));
	if (cached) return cached;
	const p = placed(cube);
	const audits = groupOfMl(cube, campaign, 'audit');
	const pairs = { ml: [] as number[], c: [] as number[], self: [] as number[], audit: [] as number[] };
	const perMl: PerMl[] = [];
	for (const s of picked(cube, campaign, 'auto-evaluation')) {
		const ml = cube.groups.ml[s];
		const a = audits[ml];
		if (a < 0) continue;
		let self = 0;
		let audit = 0;
		let n = 0;
		for (let c = 0; c < C; c++) {
			const vs = score(cube, s, c);
			const va = score(cube, a, c);
			if (vs === null || va === null) continue;
			pairs.ml.push(ml);
			pairs.c.push(c);
			pairs.self.push(vs);
			pairs.audit.push(va);
			self += vs;
			audit += va;
			n++;
		}
		if (n) perMl.push({ ml, arml: p.armlCode[ml], self: self / n, audit: audit / n, criteria: n });
	}
	const result = {
		pairs: {
			ml: Int32Array.from(pairs.ml),
			c: Int32Array.from(pairs.c),
			self: Float64Array.from(pairs.self),
			audit: Float64Array.from(pairs.audit)
		},
		perMl
	};
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
	const a = me === undefined ? -1 : p.arml[me];
	const sum = new Float64Array(C);
	const n = new Int32Array(C);
	const armlSum = new Float64Array(C);
	const armlN = new Int32Array(C);
	const mine: number[] = [];
	for (let i = 0; i < pairs.ml.length; i++) {
		const c = pairs.c[i];
		const gap = pairs.self[i] - pairs.audit[i];
		sum[c] += gap;
		n[c]++;
		if (a >= 0 && p.arml[pairs.ml[i]] === a) {
			armlSum[c] += gap;
			armlN[c]++;
		}
		if (pairs.ml[i] === me) mine.push(i);
	}
	const lines = mine.map((i): PairedRow => {
		const ci = pairs.c[i];
		const c = CRITERIA[ci];
		return {
			kind: 'criterion',
			id: c.id,
			label: `${c.id} ${c.shortLabel}`,
			self: pairs.self[i],
			audit: pairs.audit[i],
			gap: pairs.self[i] - pairs.audit[i],
			n: 1,
			arml_gap: armlN[ci] ? armlSum[ci] / armlN[ci] : null,
			arml_n: armlN[ci],
			national_gap: n[ci] ? sum[ci] / n[ci] : null
		};
	});
	return ordered(lines, references(perMl, arml));
}
