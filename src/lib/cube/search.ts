import type { MlMatch } from '../model/rows';
import { normalizeSearch, SEARCH_MAX_WORDS } from '../model/search';
import { compare, placed, stripAccents } from './scope';
import type { Cube } from './types';

/** The SQL's normalisation of a column: lower case, no accents, `’` as `'`, hyphens as spaces. */
const normalized = (text: string) =>
	stripAccents(text.toLowerCase()).replaceAll('’', "'").replaceAll('-', ' ');

type Haystacks = { text: string[]; commune: string[] };
const haystackCache = new WeakMap<Cube, Haystacks>();

function haystacks(cube: Cube): Haystacks {
	let h = haystackCache.get(cube);
	if (!h) {
		const { id, name, commune } = cube.mls;
		h = {
			text: id.map((v, i) => normalized(`${name[i]} ${commune[i] ?? ''} ${v}`)),
			commune: commune.map((c) => normalized(c ?? ''))
		};
		haystackCache.set(cube, h);
	}
	return h;
}

/** `mlSearchQuery` on the cube: every word anywhere; commune prefix first, then shorter names, then id. */
export function mlSearchRows(cube: Cube, term: string, limit = 10): MlMatch[] {
	const text = normalizeSearch(term);
	const words = text.split(' ').filter(Boolean).slice(0, SEARCH_MAX_WORDS);
	if (!words.length) return [];
	const h = haystacks(cube);
	const p = placed(cube);
	const found: { i: number; prefix: boolean; length: number }[] = [];
	for (let i = 0; i < h.text.length; i++)
		if (words.every((w) => h.text[i].includes(w)))
			found.push({ i, prefix: h.commune[i].startsWith(text), length: [...cube.mls.name[i]].length });
	found.sort(
		(a, b) =>
			Number(b.prefix) - Number(a.prefix) ||
			a.length - b.length ||
			compare(cube.mls.name[a.i], cube.mls.name[b.i]) ||
			compare(cube.mls.id[a.i], cube.mls.id[b.i])
	);
	return found.slice(0, limit).map(({ i }) => ({
		ml_id: cube.mls.id[i],
		nom: cube.mls.name[i],
		commune: cube.mls.commune[i],
		departement_code: cube.mls.departementCode[i],
		arml_nom: p.armlName[i],
		total: found.length
	}));
}
