import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, STATUSES, type Domain } from '../model/filters';
import { KEY_FIGURES } from '../model/domain';
import { combine, readUrl, writeUrl } from './urlHook';
import { ALL_FILTERS, filtersHook } from './filtersHook';
import { yearHook } from './yearHook';
import { DEFAULT_MAP_STATE, MAP_FIGURES, mapHook, type MapState } from './mapHook';

const domain: Domain = {
	campaigns: [2023, 2024, 2025],
	armls: ['bretagne', 'occitanie'],
	chapters: ['1', '2', '3', '4', '5'],
	criteria: ['1.1', '4.2.1']
};
const home = filtersHook(ALL_FILTERS);
/** Notices with ordinary spaces where French typography puts narrow no-break ones. */
const plain = <S>({ state, notices }: { state: S; notices: string[] }) => ({
	state,
	notices: notices.map((n) => n.replaceAll('\u202f', ' '))
});
const read = (query: string) => plain(readUrl(home, new URLSearchParams(query), domain));
const HOSTILE = '<script>alert(1)</script>"\'><img src=x onerror=alert(1)>';

describe('reading a page state from its URL', () => {
	it('reads the defaults from an empty URL, and from empty values', () => {
		expect(read('')).toEqual({ state: DEFAULT_FILTERS, notices: [] });
		expect(read('campagne=&arml=&phase=')).toEqual({ state: DEFAULT_FILTERS, notices: [] });
	});

	it('reads known values', () => {
		expect(read('campagne=2024&arml=occitanie&phase=audit')).toEqual({
			state: { ...DEFAULT_FILTERS, campaign: 2024, arml: 'occitanie', phase: 'audit' },
			notices: []
		});
	});

	it('falls back to the default, with a notice, for a parameter given twice', () => {
		const { state, notices } = read('campagne=2024&campagne=2025&phase=audit');
		expect(state).toEqual({ ...DEFAULT_FILTERS, phase: 'audit' });
		expect(notices).toEqual(['Le paramètre « campagne » est donné 2 fois : valeur par défaut utilisée.']);
	});

	it('ignores parameters the page does not read, naming a few of them in one notice', () => {
		expect(read('foo=1').notices).toEqual(['Le paramètre « foo » n’est pas connu de cette page : ignoré.']);
		const many = Array.from({ length: 12 }, (_, i) => `p${i}=x`).join('&');
		const { state, notices } = read(many);
		expect(state).toEqual(DEFAULT_FILTERS);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toContain('« p4 » et 7 autres ne sont pas connus de cette page');
	});

	it('names up to five unknown parameters, then says how many more, « 1 autre » in the singular', () => {
		const unknown = (n: number) => read(Array.from({ length: n }, (_, i) => `p${i}=x`).join('&')).notices;
		expect(unknown(2)).toEqual([
			'Les paramètres « p0 » et « p1 » ne sont pas connus de cette page : ignorés.'
		]);
		expect(unknown(5)).toEqual([
			'Les paramètres « p0 », « p1 », « p2 », « p3 » et « p4 » ne sont pas connus de cette page : ignorés.'
		]);
		expect(unknown(6)).toEqual([
			'Les paramètres « p0 », « p1 », « p2 », « p3 », « p4 » et 1 autre ne sont pas connus de cette page : ignorés.'
		]);
	});

	it('refuses a year not written as its four digits', () => {
		const years = yearHook('year', 'annee', () => [2023]);
		expect(readUrl(years, new URLSearchParams('annee=2023'), {})).toEqual({
			state: { year: 2023 },
			notices: []
		});
		for (const bad of [' 2023', '2023 ', '+2023', '2023.0', '02023']) {
			const { state, notices } = readUrl(years, new URLSearchParams({ annee: bad }), {});
			expect(state.year).toBeNull();
			expect(notices).toHaveLength(1);
		}
	});

	it('keeps commas readable in a written link', () => {
		const list = {
			keys: ['cibles'],
			defaults: {},
			parse: () => ({ state: {}, notices: [] }),
			write: (_: object, params: URLSearchParams) => params.set('cibles', '3.3,4.4.2')
		};
		expect(writeUrl(list, {})).toBe('?cibles=3.3,4.4.2');
	});

	it('refuses values outside the known ones, including numbers written another way', () => {
		for (const campaign of ['1999', '0x7E9', '2024.0', ' 2024', '2e3', '-2024']) {
			const { state, notices } = read(`campagne=${encodeURIComponent(campaign)}`);
			expect(state.campaign).toBe('latest');
			expect(notices).toHaveLength(1);
		}
		expect(read('statut=__proto__&lignes=constructor&arml=toString').state).toEqual(DEFAULT_FILTERS);
	});

	it('quotes a hostile or very long value only cut short, as text, with French spacing', () => {
		const { state, notices } = readUrl(
			home,
			new URLSearchParams({ arml: HOSTILE + 'x'.repeat(100_000), [HOSTILE]: '1' }),
			domain
		);
		expect(state).toEqual(DEFAULT_FILTERS);
		expect(notices).toHaveLength(2);
		for (const notice of notices) expect(notice.length).toBeLessThan(200);
		expect(notices.join('')).toContain('«\u202f<script>alert(1)</script>');
		expect(notices.join('')).not.toContain('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
	});

	it('never throws, keeps every value in the known ones and bounds its notices, whatever the link', () => {
		const keys = fc.constantFrom(...home.keys, 'foo', 'annee', '');
		const values = fc.oneof(
			fc.string(),
			fc.constantFrom(...domain.armls, '2024', 'audit', 'both', 'chapitres', HOSTILE, '%00', '\u0000')
		);
		fc.assert(
			fc.property(fc.array(fc.tuple(keys, values), { maxLength: 30 }), (pairs) => {
				const { state, notices } = readUrl(home, new URLSearchParams(pairs), domain);
				expect(state.campaign === 'latest' || domain.campaigns.includes(state.campaign)).toBe(true);
				expect(state.arml === null || domain.armls.includes(state.arml)).toBe(true);
				expect(state.status === null || STATUSES.includes(state.status)).toBe(true);
				expect(notices.length).toBeLessThanOrEqual(home.keys.length * 2 + 1);
				for (const notice of notices) expect(notice.length).toBeLessThan(300);
				// What is read writes back to a URL that reads the same.
				expect(readUrl(home, new URLSearchParams(writeUrl(home, state)), domain)).toEqual({
					state,
					notices: []
				});
			})
		);
	});
});

describe('page hooks', () => {
	const years = yearHook('year', 'annee', (c: { years: number[] }) => c.years);
	const arml = combine(filtersHook(['campaign', 'phase', 'columns']), years);
	const context = { ...domain, years: [2022, 2023] };

	it('writes only what differs from the defaults, in a stable order', () => {
		expect(writeUrl(arml, arml.defaults)).toBe('');
		expect(writeUrl(arml, { campaign: 2024, phase: 'audit', columns: 'chapter', year: 2023 })).toBe(
			'?campagne=2024&phase=audit&colonnes=chapitres&annee=2023'
		);
	});

	it('keeps the filters a page does not use out of its URL', () => {
		const { state, notices } = plain(
			readUrl(arml, new URLSearchParams('arml=bretagne&phase=audit'), context)
		);
		expect(state).toEqual({ ...arml.defaults, phase: 'audit' });
		expect(notices).toEqual(['Le paramètre « arml » n’est pas connu de cette page : ignoré.']);
	});

	it('checks a year against the years of the data', () => {
		const at = (q: string) => plain(readUrl(arml, new URLSearchParams(q), context));
		expect(readUrl(arml, new URLSearchParams('annee=2023'), context).state.year).toBe(2023);
		for (const bad of ['2024', '23', '2023abc', HOSTILE]) {
			const { state, notices } = at(`annee=${encodeURIComponent(bad)}`);
			expect((state as { year: number | null }).year).toBeNull();
			expect(notices[0]).toMatch(
				/^Le paramètre « annee » ne connaît pas la valeur .* dernière année utilisée\.$/u
			);
		}
	});
});

describe('the map’s choices in a link', () => {
	const MAP_FIELDS = Object.keys(DEFAULT_MAP_STATE) as (keyof MapState)[];
	const map = mapHook(MAP_FIELDS);
	const page = combine(filtersHook(ALL_FILTERS), map);
	const at = (q: string) => plain(readUrl(map, new URLSearchParams(q), domain));
	const refused = (key: string, value: string) =>
		`Le paramètre « ${key} » ne connaît pas la valeur « ${value} » : valeur par défaut utilisée.`;

	it('reads every choice, each under its own name, beside the filters', () => {
		expect(at('')).toEqual({ state: DEFAULT_MAP_STATE, notices: [] });
		expect(
			at(
				'carte=departements&carte-mesure=sous-seuil&carte-phase=auto-evaluation&carte-critere=4.2.1&carte-chiffre=cej'
			)
		).toEqual({
			state: {
				mapLevel: 'departement',
				mapMeasure: 'below',
				mapPhase: 'auto-evaluation',
				mapCriterion: '4.2.1',
				mapFigure: 'cej'
			},
			notices: []
		});
		expect(at('carte-mesure=chiffre-cle&carte-phase=audit&carte=arml').state).toEqual({
			...DEFAULT_MAP_STATE,
			mapMeasure: 'keyFigure'
		});
		expect(at('carte-mesure=score').state.mapMeasure).toBe('score');
		expect(at('carte-mesure=labellisation').state.mapMeasure).toBe('labellisation');
		// The heatmap's `mesure` and the map's `carte-mesure` are two choices.
		const both = readUrl(page, new URLSearchParams('mesure=effectif&carte-mesure=score&phase=audit'), domain);
		expect(both).toEqual({
			state: { ...DEFAULT_FILTERS, metric: 'n', phase: 'audit', ...DEFAULT_MAP_STATE, mapMeasure: 'score' },
			notices: []
		});
	});

	it('refuses what is not in the lists, written values inside included, with a notice for each', () => {
		const cases: [string, string][] = [
			['carte', 'departement'],
			['carte', 'region'],
			['carte-mesure', 'below'],
			['carte-mesure', 'keyFigure'],
			['carte-mesure', 'toString'],
			['carte-mesure', '__proto__'],
			['carte-mesure', 'constructor'],
			['carte-phase', 'both'],
			['carte-phase', 'Audit'],
			['carte-critere', '9.9'],
			['carte-critere', '1.1.a'],
			['carte-chiffre', 'jeunes_accompagnes'],
			['carte-chiffre', 'hasOwnProperty']
		];
		for (const [key, value] of cases)
			expect(at(`${key}=${encodeURIComponent(value)}`), `${key}=${value}`).toEqual({
				state: DEFAULT_MAP_STATE,
				notices: [refused(key, value)]
			});
		const { state, notices } = at(`carte=${encodeURIComponent(HOSTILE)}&carte-critere=1.1&carte-chiffre=x`);
		expect(state).toEqual({ ...DEFAULT_MAP_STATE, mapCriterion: '1.1' });
		expect(notices).toEqual([refused('carte', HOSTILE.slice(0, 40) + '…'), refused('carte-chiffre', 'x')]);
	});

	it('offers every key figure but the count of young people the others are divided by', () => {
		expect(MAP_FIGURES).toEqual(KEY_FIGURES.filter((k) => k !== 'jeunes_accompagnes'));
		for (const figure of MAP_FIGURES) expect(at(`carte-chiffre=${figure}`).state.mapFigure).toBe(figure);
	});

	it('writes only the choices that differ from the defaults, in a stable order, and reads them back', () => {
		expect(writeUrl(map, DEFAULT_MAP_STATE)).toBe('');
		expect(
			writeUrl(map, {
				mapFigure: 'cej',
				mapCriterion: '1.1',
				mapPhase: 'auto-evaluation',
				mapMeasure: 'below',
				mapLevel: 'departement'
			})
		).toBe(
			'?carte=departements&carte-mesure=sous-seuil&carte-phase=auto-evaluation&carte-critere=1.1&carte-chiffre=cej'
		);
		expect(writeUrl(map, { ...DEFAULT_MAP_STATE, mapMeasure: 'keyFigure' })).toBe(
			'?carte-mesure=chiffre-cle'
		);
		expect(writeUrl(map, { ...DEFAULT_MAP_STATE, mapMeasure: 'score' })).toBe('?carte-mesure=score');
		const state = fc.record<MapState>({
			mapLevel: fc.constantFrom('arml', 'departement'),
			mapMeasure: fc.constantFrom('labellisation', 'score', 'below', 'keyFigure'),
			mapPhase: fc.constantFrom('auto-evaluation', 'audit'),
			mapCriterion: fc.constantFrom(null, ...domain.criteria),
			mapFigure: fc.constantFrom(...MAP_FIGURES)
		});
		fc.assert(
			fc.property(state, (s) => {
				expect(readUrl(map, new URLSearchParams(writeUrl(map, s)), domain)).toEqual({
					state: s,
					notices: []
				});
			})
		);
	});

	it('keeps the choices a page does not offer out of its URL (/criteres: the level only)', () => {
		const level = mapHook(['mapLevel']);
		expect(level.keys).toEqual(['carte']);
		expect(level.defaults).toEqual({ mapLevel: 'arml' });
		const { state, notices } = plain(
			readUrl(level, new URLSearchParams('carte=departements&carte-mesure=score'), domain)
		);
		expect(state).toEqual({ mapLevel: 'departement' });
		expect(notices).toEqual(['Le paramètre « carte-mesure » n’est pas connu de cette page : ignoré.']);
		expect(writeUrl(level, { mapLevel: 'departement' })).toBe('?carte=departements');
	});

	it('never throws nor leaves a choice outside its list, whatever the link', () => {
		const keys = fc.constantFrom(...map.keys, 'mesure');
		const values = fc.oneof(
			fc.string(),
			fc.constantFrom('arml', 'score', '1.1', 'cej', '__proto__', HOSTILE)
		);
		fc.assert(
			fc.property(fc.array(fc.tuple(keys, values), { maxLength: 12 }), (pairs) => {
				const { state, notices } = readUrl(map, new URLSearchParams(pairs), domain);
				expect(['arml', 'departement']).toContain(state.mapLevel);
				expect(['labellisation', 'score', 'below', 'keyFigure']).toContain(state.mapMeasure);
				expect(['auto-evaluation', 'audit']).toContain(state.mapPhase);
				expect([null, ...domain.criteria]).toContain(state.mapCriterion);
				expect(MAP_FIGURES).toContain(state.mapFigure);
				expect(notices.length).toBeLessThanOrEqual(map.keys.length + 1);
			})
		);
	});
});
