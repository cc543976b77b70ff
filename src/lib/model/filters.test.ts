import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filtersKey, filtersToParams, parseFilters, type Domain } from './filters';

const domain: Domain = {
	campaigns: [2023, 2024, 2025],
	armls: ['bretagne', 'ocean-indien'],
	chapters: ['1', '2', '3', '4', '5'],
	criteria: ['1.1', '4.2.1']
};

describe('URL filters', () => {
	it('reads defaults from an empty URL', () => {
		expect(parseFilters(new URLSearchParams(''), domain)).toEqual({ filters: DEFAULT_FILTERS, notices: [] });
		expect(filtersKey(DEFAULT_FILTERS)).toBe('defaut');
	});

	it('round-trips every filter through the URL', () => {
		const filters = {
			campaign: 2024,
			phase: 'both',
			arml: 'ocean-indien',
			chapter: '4',
			criterion: '4.2.1',
			status: 'ajournee',
			rows: 'ml',
			columns: 'chapter',
			metric: 'share'
		} as const;
		const params = filtersToParams(filters);
		expect(params.toString()).toBe(
			'campagne=2024&phase=both&arml=ocean-indien&chapitre=4&critere=4.2.1&statut=ajournee&lignes=ml&colonnes=chapitres&mesure=part-atteint'
		);
		expect(parseFilters(params, domain)).toEqual({ filters, notices: [] });
	});

	it('falls back to defaults with a French notice for unknown values', () => {
		const { filters, notices } = parseFilters(
			new URLSearchParams('campagne=1999&arml=atlantide&mesure=x'),
			domain
		);
		expect(filters).toEqual(DEFAULT_FILTERS);
		expect(notices).toEqual([
			'Le filtre « campagne » ne connaît pas la valeur « 1999 » : valeur par défaut utilisée.',
			'Le filtre « arml » ne connaît pas la valeur « atlantide » : valeur par défaut utilisée.',
			'Le filtre « mesure » ne connaît pas la valeur « x » : valeur par défaut utilisée.'
		]);
	});

	it('accepts "derniere" as the latest campaign', () => {
		expect(parseFilters(new URLSearchParams('campagne=derniere'), domain).filters.campaign).toBe('latest');
	});
});
