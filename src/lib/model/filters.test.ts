import { describe, expect, it } from 'vitest';
import {
	DEFAULT_FILTERS,
	filtersKey,
	filtersToParams,
	parseFilters,
	shownValue,
	type Domain
} from './filters';

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
		expect(parseFilters(new URLSearchParams('campagne=derniere'), domain)).toEqual({
			filters: DEFAULT_FILTERS,
			notices: []
		});
	});

	it.each([
		['phase', 'autoevaluation'],
		['statut', 'labellisée'],
		['chapitre', '6'],
		['critere', '9.9'],
		['arml', 'Bretagne'],
		['campagne', '2024.5'],
		// Numbers that are not a year written as four digits, though `Number()` reads 2024 in them.
		['campagne', '+2024'],
		['campagne', ' 2024'],
		['campagne', '2024 '],
		['campagne', '2024.0'],
		['lignes', 'regions-et-ml'],
		['colonnes', 'elements'],
		['mesure', 'moyenne ']
	])('rejects the unknown value of « %s » (%j) and keeps the default', (key, value) => {
		const { filters, notices } = parseFilters(new URLSearchParams({ [key]: value }), domain);
		expect(filters).toEqual(DEFAULT_FILTERS);
		expect(notices).toEqual([
			`Le filtre « ${key} » ne connaît pas la valeur « ${value} » : valeur par défaut utilisée.`
		]);
	});

	it.each([
		['phase=audit', { phase: 'audit' }],
		['phase=auto-evaluation', { phase: 'auto-evaluation' }],
		['statut=non-engagee', { status: 'non-engagee' }],
		['statut=labellisee', { status: 'labellisee' }],
		['chapitre=1', { chapter: '1' }],
		['critere=1.1', { criterion: '1.1' }],
		['campagne=2023', { campaign: 2023 }],
		['lignes=regions', { rows: 'region' }],
		['lignes=arml', { rows: 'arml' }],
		['colonnes=sections', { columns: 'section' }],
		['colonnes=criteres', { columns: 'criterion' }],
		['mesure=effectif', { metric: 'n' }],
		['mesure=moyenne', { metric: 'mean' }]
	])('accepts the known value %s', (query, expected) => {
		expect(parseFilters(new URLSearchParams(query), domain)).toEqual({
			filters: { ...DEFAULT_FILTERS, ...expected },
			notices: []
		});
	});

	it('writes nothing for the defaults, and only what differs otherwise', () => {
		expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
		expect(filtersToParams({ ...DEFAULT_FILTERS, rows: 'region' }).toString()).toBe('lignes=regions');
		expect(filtersToParams({ ...DEFAULT_FILTERS, phase: 'audit' }).toString()).toBe('phase=audit');
		expect(filtersToParams({ ...DEFAULT_FILTERS, columns: 'section' }).toString()).toBe('colonnes=sections');
		expect(filtersToParams({ ...DEFAULT_FILTERS, metric: 'n' }).toString()).toBe('mesure=effectif');
		expect(filtersKey({ ...DEFAULT_FILTERS, campaign: 2025 })).toBe('campagne=2025');
	});

	it('quotes a value in a notice up to 40 characters, control characters as « ? »', () => {
		const forty = 'a'.repeat(40);
		expect(shownValue(forty)).toBe(forty);
		expect(shownValue(`${forty}bcd`)).toBe(`${forty}…`);
		// Characters, not UTF-16 units: an emoji counts once and is never cut in half.
		expect(shownValue(`${'😀'.repeat(41)}`)).toBe(`${'😀'.repeat(40)}…`);
		expect(shownValue('a\u0000b\nc\u009fd')).toBe('a?b?c?d');
		const { notices } = parseFilters(new URLSearchParams({ arml: `x\u0007${'y'.repeat(50)}` }), domain);
		expect(notices).toEqual([
			`Le filtre « arml » ne connaît pas la valeur « x?${'y'.repeat(38)}… » : valeur par défaut utilisée.`
		]);
	});
});
