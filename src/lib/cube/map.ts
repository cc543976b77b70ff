import type { MapOptions } from '../model/views';
import type { MapArea } from '../model/rows';
import { CRITERION_INDEX } from './referentiel';
import { C, compare, inScope, picked, placed, score } from './scope';
import { STATUSES_AT_DATE, type Cube } from './types';

type Contributions = { num: Float64Array; den: Float64Array; has: Uint8Array };

/** Each ML's contribution (`num` over `den`; `has` 0 when it has none: the `contrib` CTE). */
function contributions(cube: Cube, o: MapOptions): Contributions {
	const size = cube.mls.id.length;
	const out = { num: new Float64Array(size), den: new Float64Array(size), has: new Uint8Array(size) };
	const set = (ml: number, num: number, den: number) => {
		out.num[ml] = num;
		out.den[ml] = den;
		out.has[ml] = 1;
	};
	switch (o.measure) {
		case 'labellisation':
			cube.mls.status.forEach((s, ml) => set(ml, STATUSES_AT_DATE[s] === 'labellisee' ? 1 : 0, 1));
			break;
		case 'score':
			for (const g of picked(cube, o.campaign ?? 'latest', o.phase)) {
				let sum = 0;
				let n = 0;
				for (let c = 0; c < C; c++) {
					const v = score(cube, g, c);
					if (v === null) continue;
					sum += v;
					n++;
				}
				if (n) set(cube.groups.ml[g], sum / n, 1);
			}
			break;
		case 'below': {
			const c = CRITERION_INDEX.get(o.criterion ?? '');
			if (c === undefined) break;
			for (const g of picked(cube, o.campaign ?? 'latest', o.phase)) {
				const v = score(cube, g, c);
				if (v !== null) set(cube.groups.ml[g], v < o.threshold ? 1 : 0, 1);
			}
			break;
		}
		case 'keyFigure': {
			const { ml, year, values } = cube.figures;
			if (!year.length) break;
			const last = Math.max(...year);
			const figure = values[o.keyFigure];
			const jeunes = values.jeunes_accompagnes;
			for (let i = 0; i < ml.length; i++)
				if (year[i] === last && !Number.isNaN(figure[i]) && jeunes[i] > 0)
					set(ml[i], figure[i], jeunes[i] / 100);
			break;
		}
	}
	return out;
}

/** `mapQuery` on the cube (statuses on the cube's date), for the same campaign, ARML and status. */
export function mapRows(cube: Cube, o: MapOptions): MapArea[] {
	const p = placed(cube);
	const deps = cube.departements;
	const areas =
		o.level === 'arml'
			? cube.arml.code.map((code, a) => {
					const codes = deps.code.filter((_, d) => deps.arml[d] === a).sort(compare);
					return {
						area_id: code,
						area_label: cube.arml.name[a],
						arml_code: code,
						arml_nom: cube.arml.name[a],
						departements: codes.length ? codes.join(',') : null
					};
				})
			: deps.code.map((code, d) => ({
					area_id: code,
					area_label: deps.name[d],
					arml_code: deps.arml[d] < 0 ? null : cube.arml.code[deps.arml[d]],
					arml_nom: deps.arml[d] < 0 ? null : cube.arml.name[deps.arml[d]],
					departements: code
				}));
	const contrib = contributions(cube, o);
	const keep = inScope(cube, { arml: o.arml ?? null, status: o.status ?? null });
	const sums = new Map<string, { num: number; den: number; n: number; mls: number }>();
	for (let ml = 0; ml < cube.mls.id.length; ml++) {
		const key = o.level === 'arml' ? p.armlCode[ml] : cube.mls.departementCode[ml];
		if (key === null || !keep[ml]) continue;
		let acc = sums.get(key);
		if (!acc) sums.set(key, (acc = { num: 0, den: 0, n: 0, mls: 0 }));
		acc.mls++;
		if (contrib.has[ml]) {
			acc.num += contrib.num[ml];
			acc.den += contrib.den[ml];
			acc.n++;
		}
	}
	return areas
		.map((a) => {
			const acc = sums.get(a.area_id);
			return {
				...a,
				value: acc && acc.n && acc.den !== 0 ? acc.num / acc.den : null,
				n: acc?.n ?? 0,
				mls: acc?.mls ?? 0
			} as MapArea;
		})
		.sort((a, b) => compare(a.area_id, b.area_id));
}
