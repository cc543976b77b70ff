/**
 * Reference data of the observatory: regions, départements and ARML, built from the INSEE code lists
 * of `@etalab/decoupage-administratif` (Licence Ouverte 2.0). The demo generator writes them to
 * `data/reference/` as CSV and Parquet; the app joins on them to go from a département to its ARML.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type RegionRow = { region_code: string; nom: string };
export type DepartementRow = {
	departement_code: string;
	nom: string;
	region_code: string;
	arml_code: string;
};
export type ArmlRow = { arml_code: string; nom: string };

/** The reference tables as written to `data/reference/<name>.{csv,parquet}`; every column is VARCHAR. */
export const REFERENCE_TABLES = [
	{ name: 'regions', columns: ['region_code', 'nom'] },
	{ name: 'departements', columns: ['departement_code', 'nom', 'region_code', 'arml_code'] },
	{ name: 'arml', columns: ['arml_code', 'nom'] }
] as const;

type Zone = 'metro' | 'drom' | 'com';
type RawRegion = { code: string; nom: string; zone: Zone };
type RawDepartement = { code: string; nom: string; region: string; zone: Zone };

/** Saint-Martin is a COM, not a region: the observatory treats it as its own region in the ARML Antilles-Guyane. */
const SAINT_MARTIN = '978';
const ANTILLES_GUYANE = ['971', '972', '973', SAINT_MARTIN];
const OCEAN_INDIEN = ['974', '976'];

const packageDir = dirname(
	createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/package.json')
);

/** Reads one data file of `@etalab/decoupage-administratif`. */
export function readDecoupage<T>(name: 'regions' | 'departements' | 'communes'): T[] {
	return JSON.parse(readFileSync(join(packageDir, 'data', `${name}.json`), 'utf8')) as T[];
}

/** Version of the `@etalab/decoupage-administratif` package, part of the demo data's stamp. */
export function decoupageVersion(): string {
	return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** A lower-case ASCII slug: "Provence-Alpes-Côte d'Azur" → "provence-alpes-cote-d-azur". */
export function slug(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** Code-point order, the same on every machine (unlike `localeCompare`). */
export const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** True for a département kept by the observatory: metropolitan, DROM, or Saint-Martin. */
const kept = (d: { code: string; zone: Zone }) => d.zone !== 'com' || d.code === SAINT_MARTIN;

/** The 18 regions (13 metropolitan, 5 DROM) plus Saint-Martin (978). */
export function buildRegions(): RegionRow[] {
	return readDecoupage<RawRegion>('regions')
		.filter(kept)
		.map((r) => ({ region_code: r.code, nom: r.nom }))
		.sort((a, b) => byCode(a.region_code, b.region_code));
}

/** ARML of a département: its metropolitan region, or one of the two overseas ARML. */
function armlOf(departement: RawDepartement, regionName: string): string {
	if (ANTILLES_GUYANE.includes(departement.code)) return 'antilles-guyane';
	if (OCEAN_INDIEN.includes(departement.code)) return 'ocean-indien';
	return slug(regionName);
}

/** The 101 départements plus Saint-Martin (978), each with its region and ARML. */
export function buildDepartements(): DepartementRow[] {
	const regionNames = new Map(buildRegions().map((r) => [r.region_code, r.nom]));
	return readDecoupage<RawDepartement>('departements')
		.filter(kept)
		.map((d) => ({
			departement_code: d.code,
			nom: d.nom,
			region_code: d.region,
			arml_code: armlOf(d, regionNames.get(d.region) ?? d.nom)
		}))
		.sort((a, b) => byCode(a.departement_code, b.departement_code));
}

/** The 15 ARML: one per metropolitan region, plus Antilles-Guyane and Océan Indien. */
export function buildArml(): ArmlRow[] {
	const metropolitan = readDecoupage<RawRegion>('regions')
		.filter((r) => r.zone === 'metro')
		.map((r) => ({ arml_code: slug(r.nom), nom: `ARML ${r.nom}` }));
	return [
		...metropolitan,
		{ arml_code: 'antilles-guyane', nom: 'ARML Antilles-Guyane' },
		{ arml_code: 'ocean-indien', nom: 'ARML Océan Indien' }
	].sort((a, b) => byCode(a.arml_code, b.arml_code));
}

/** The three reference tables, keyed by their file name. */
export function referenceTables(): Record<
	(typeof REFERENCE_TABLES)[number]['name'],
	Record<string, string>[]
> {
	return { regions: buildRegions(), departements: buildDepartements(), arml: buildArml() };
}
