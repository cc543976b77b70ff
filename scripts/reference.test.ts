import { describe, expect, it } from 'vitest';
import { buildArml, buildDepartements, buildRegions, slug } from './reference.ts';

describe('reference data', () => {
	it('lists the 18 regions and Saint-Martin', () => {
		const regions = buildRegions();
		expect(regions).toHaveLength(19);
		expect(regions.find((r) => r.region_code === '978')?.nom).toBe('Saint-Martin');
	});

	it('lists 101 départements and Saint-Martin, without the other overseas collectivities', () => {
		const codes = buildDepartements().map((d) => d.departement_code);
		expect(codes).toHaveLength(102);
		expect(codes).toContain('2A');
		expect(codes).toContain('976');
		for (const com of ['975', '977', '984', '986', '987', '988', '989']) expect(codes).not.toContain(com);
	});

	it('groups départements into 15 ARML, overseas ones into Antilles-Guyane and Océan Indien', () => {
		const arml = buildArml();
		expect(arml).toHaveLength(15);
		const armlOf = new Map(buildDepartements().map((d) => [d.departement_code, d.arml_code]));
		expect(['971', '972', '973', '978'].map((c) => armlOf.get(c))).toEqual(Array(4).fill('antilles-guyane'));
		expect(['974', '976'].map((c) => armlOf.get(c))).toEqual(['ocean-indien', 'ocean-indien']);
		expect(armlOf.get('2B')).toBe('corse');
		expect(new Set(armlOf.values())).toEqual(new Set(arml.map((a) => a.arml_code)));
		expect(arml.find((a) => a.arml_code === 'provence-alpes-cote-d-azur')?.nom).toBe(
			"ARML Provence-Alpes-Côte d'Azur"
		);
	});

	it('slugs names to lower-case ASCII', () => {
		expect(slug('Île-de-France')).toBe('ile-de-france');
		expect(slug('Auvergne-Rhône-Alpes')).toBe('auvergne-rhone-alpes');
	});
});
