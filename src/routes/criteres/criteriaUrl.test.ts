import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '$lib/model/filters';
import { readUrl, writeUrl } from '$lib/state/urlHook';
import { criteriaHook } from './criteriaParams';

const domain = { campaigns: [2023, 2024, 2025], armls: ['bretagne'], chapters: ['1'], criteria: ['3.3'] };
const read = (query: string) => {
	const { state, notices } = readUrl(criteriaHook, new URLSearchParams(query), domain);
	return { state, notices: notices.map((n) => n.replaceAll('\u202f', ' ')) };
};

describe('the criteria explorer’s URL', () => {
	it('reads the shared filters and the explorer’s own parameters, and writes them back', () => {
		const { state, notices } = read('arml=bretagne&cibles=4.4.2,3.3&depuis=2023&vers=2025');
		expect(notices).toEqual([]);
		expect(state).toEqual({
			...DEFAULT_FILTERS,
			arml: 'bretagne',
			targets: ['3.3', '4.4.2'],
			from: 2023,
			to: 2025
		});
		expect(writeUrl(criteriaHook, state)).toBe('?arml=bretagne&cibles=3.3,4.4.2&depuis=2023&vers=2025');
	});

	it('drops unknown criteria and campaigns, quoting at most five, cut short', () => {
		const many = Array.from({ length: 40 }, (_, i) => `<b>${i}</b>${'z'.repeat(80)}`).join(',');
		const { state, notices } = read(
			new URLSearchParams({ cibles: `3.3,${many}`, depuis: '0x7DF', vers: '' }).toString()
		);
		expect(state.targets).toEqual(['3.3']);
		expect(state.from).toBeNull();
		expect(state.to).toBeNull();
		expect(notices).toHaveLength(2);
		expect(notices[0]).toMatch(
			/^Critères inconnus ignorés dans « cibles » : <b>0<\/b>z+…, .* et 35 autres\.$/
		);
		expect(notices[0].length).toBeLessThan(400);
		expect(notices[1]).toBe(
			'La campagne « 0x7DF » (paramètre « depuis ») n’est pas dans les données : comparaison par défaut.'
		);
	});

	it('falls back to the defaults for duplicated parameters', () => {
		const { state, notices } = read('cibles=3.3&cibles=1.1&vers=2024&vers=2025');
		expect(state).toMatchObject({ targets: [], to: null });
		expect(notices).toHaveLength(2);
	});
});
