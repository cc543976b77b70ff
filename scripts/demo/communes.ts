/** Communes of the INSEE code lists, as the demo generator needs them: seats and populations. */
import { byCode, readDecoupage } from '../reference.ts';

export type Commune = { code: string; nom: string; population: number };

type RawCommune = {
	code: string;
	nom: string;
	type: string;
	departement?: string;
	commune?: string;
	population?: number;
};

const byPopulation = (a: Commune, b: Commune) => b.population - a.population || byCode(a.code, b.code);

/** Current communes with a population, by département, most populous first. */
export type CommuneIndex = {
	communes: Map<string, Commune[]>;
	/** Municipal arrondissements (Paris, Lyon, Marseille) by the code of their commune. */
	arrondissements: Map<string, Commune[]>;
};

/** Reads the communes of the package once. */
export function loadCommunes(): CommuneIndex {
	const communes = new Map<string, Commune[]>();
	const arrondissements = new Map<string, Commune[]>();
	const push = (map: Map<string, Commune[]>, key: string, c: RawCommune) => {
		const list = map.get(key) ?? [];
		list.push({ code: c.code, nom: c.nom, population: c.population ?? 0 });
		map.set(key, list);
	};
	for (const c of readDecoupage<RawCommune>('communes')) {
		if (!c.population) continue;
		if (c.type === 'commune-actuelle' && c.departement) push(communes, c.departement, c);
		else if (c.type === 'arrondissement-municipal' && c.commune) push(arrondissements, c.commune, c);
	}
	for (const list of [...communes.values(), ...arrondissements.values()]) list.sort(byPopulation);
	return { communes, arrondissements };
}

/** Population of a département: the sum of its communes. */
export function departementPopulation(index: CommuneIndex, departement: string): number {
	return (index.communes.get(departement) ?? []).reduce((sum, c) => sum + c.population, 0);
}

/**
 * The `n` most populous distinct seats of a département. When it has fewer communes than seats
 * (Paris is one commune), communes split into their municipal arrondissements.
 */
export function seats(index: CommuneIndex, departement: string, n: number): Commune[] {
	const communes = index.communes.get(departement) ?? [];
	if (communes.length >= n) return communes.slice(0, n);
	const split = communes.flatMap((c) => index.arrondissements.get(c.code) ?? [c]).sort(byPopulation);
	if (split.length < n) throw new Error(`Département ${departement}: ${split.length} seats for ${n} MLs`);
	return split.slice(0, n);
}
