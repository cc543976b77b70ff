import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, STATUSES, type Domain } from '../model/filters';
import { ALL_FILTERS, combine, filtersHook, readUrl, writeUrl, yearHook } from './urlHook';

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
