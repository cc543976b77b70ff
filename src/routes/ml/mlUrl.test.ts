import { describe, expect, it } from 'vitest';
import { readUrl, writeUrl } from '$lib/state/urlHook';
import { mlHook, type MlContext } from './mlUrl';

const context: MlContext = {
	campaigns: [2024, 2025],
	armls: ['bretagne'],
	chapters: ['1'],
	criteria: ['1.1'],
	mlIds: new Set(['ML-29-01', 'ML-88-01']),
	dataName: 'les données de démonstration'
};
const read = (query: string) => {
	const { state, notices } = readUrl(mlHook, new URLSearchParams(query), context);
	return { state, notices: notices.map((n) => n.replaceAll('\u202f', ' ')) };
};

describe('the ML profile’s URL', () => {
	it('reads an id of the active dataset, with the campaign and phase', () => {
		expect(read('id=ML-29-01&campagne=2025&phase=audit')).toEqual({
			state: { id: 'ML-29-01', campaign: 2025, phase: 'audit' },
			notices: []
		});
		expect(writeUrl(mlHook, { id: 'ML-29-01', campaign: 2025, phase: 'audit' })).toBe(
			'?campagne=2025&phase=audit&id=ML-29-01'
		);
	});

	it('names no ML, without a notice, when the id is missing or empty', () => {
		for (const query of ['', 'id=', 'id=%20%20'])
			expect(read(query)).toEqual({ state: mlHook.defaults, notices: [] });
	});

	it('refuses an id absent from the active dataset, naming the dataset', () => {
		const { state, notices } = read('id=ML-00-99');
		expect(state.id).toBeNull();
		expect(notices).toEqual([
			'Aucune Mission Locale ne porte l’identifiant « ML-00-99 » dans les données de démonstration. Vérifiez l’adresse, ou cherchez la Mission Locale par son nom ou sa commune.'
		]);
	});

	it('refuses hostile, very long and duplicated ids, quoting them cut short', () => {
		const hostile = `<img src=x onerror=alert(1)>${'A'.repeat(50_000)}`;
		const long = read(new URLSearchParams({ id: hostile }).toString());
		expect(long.state.id).toBeNull();
		expect(long.notices[0].length).toBeLessThan(250);
		expect(long.notices[0]).toContain('« <img src=x onerror=alert(1)>AAAA');
		const twice = read('id=ML-29-01&id=ML-88-01');
		expect(twice.state.id).toBeNull();
		expect(twice.notices).toEqual(['Le paramètre « id » est donné 2 fois : valeur par défaut utilisée.']);
		expect(read('id=__proto__').state.id).toBeNull();
	});
});
