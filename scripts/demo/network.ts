/**
 * The demo network: 437 Missions Locales shared among départements in proportion to population,
 * each named after a real commune of its département.
 */
import type { DepartementRow } from '../reference.ts';
import { allocateWithMinimum } from './allocate.ts';
import { departementPopulation, loadCommunes, seats, type CommuneIndex } from './communes.ts';
import { random } from './random.ts';

export const ML_COUNT = 437;
export const GIP_SHARE = 0.15;
/** The référentiel's 2022 network: « plus de 6 800 sites » and « 15 000 professionnels ». */
export const SITES_TOTAL = 6_800;
export const STAFF_TOTAL = 15_000;
/** Every ML has its seat and at least one other site, and at least 3 ETP. */
const MIN_SITES = 2;
const MIN_ETP = 3;

export type MissionLocale = {
	ml_id: string;
	nom: string;
	departement_code: string;
	commune: string;
	statut: 'association' | 'gip';
	sites: number;
	effectif_etp: number;
	arml_code: string;
	/** Inhabitants of the area it serves (its share of the département's population). */
	population: number;
};

/** "Mission Locale du Havre", "des Abymes", "d'Amiens", "de La Rochelle", "de Brest". */
export function missionLocaleName(commune: string): string {
	if (commune.startsWith('Le ')) return `Mission Locale du ${commune.slice(3)}`;
	if (commune.startsWith('Les ')) return `Mission Locale des ${commune.slice(4)}`;
	if (/^[AEIOUYÂÉÈÊÎÏÔŒ]/i.test(commune)) return `Mission Locale d'${commune}`;
	return `Mission Locale de ${commune}`;
}

/** How many MLs each département gets: largest remainder on population, at least one each. */
export function allocateMissionsLocales(
	departements: readonly DepartementRow[],
	index: CommuneIndex
): number[] {
	return allocateWithMinimum(
		departements.map((d) => departementPopulation(index, d.departement_code)),
		ML_COUNT,
		1
	);
}

/**
 * Builds the 437 MLs, ordered by id. Sites and staff follow the population served, with a local
 * factor, and are apportioned so that the network adds up exactly to the référentiel's 2022
 * figures (sites in units, ETP in half-units).
 */
export function buildNetwork(departements: readonly DepartementRow[]): MissionLocale[] {
	const index = loadCommunes();
	const counts = allocateMissionsLocales(departements, index);
	const out: MissionLocale[] = [];
	const siteWeights: number[] = [];
	const staffWeights: number[] = [];
	departements.forEach((d, i) => {
		const code = d.departement_code;
		const chosen = seats(index, code, counts[i]);
		const total = departementPopulation(index, code);
		// A big city's ML serves more people than a small town's, but not in proportion to the town alone.
		const weights = chosen.map((c) => Math.sqrt(c.population));
		const weightSum = weights.reduce((a, b) => a + b, 0);
		chosen.forEach((commune, k) => {
			const ml_id = `ML-${code}-${String(k + 1).padStart(2, '0')}`;
			const rng = random('network', ml_id);
			const population = Math.round((total * weights[k]) / weightSum);
			const statut = rng.chance(GIP_SHARE) ? 'gip' : 'association';
			siteWeights.push(population * rng.factor(0.3));
			staffWeights.push(population * rng.factor(0.15));
			out.push({
				ml_id,
				nom: missionLocaleName(commune.nom),
				departement_code: code,
				commune: commune.nom,
				statut,
				sites: 0,
				effectif_etp: 0,
				arml_code: d.arml_code,
				population
			});
		});
	});
	const sites = allocateWithMinimum(siteWeights, SITES_TOTAL, MIN_SITES);
	const halfEtp = allocateWithMinimum(staffWeights, STAFF_TOTAL * 2, MIN_ETP * 2);
	out.forEach((ml, i) => {
		ml.sites = sites[i];
		ml.effectif_etp = halfEtp[i] / 2;
	});
	return out;
}
