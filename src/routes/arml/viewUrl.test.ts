import { describe, expect, it } from 'vitest';
import { readUrl, writeUrl } from '$lib/state/urlHook';
import { armlHook, indexHook, type ArmlContext } from './viewUrl';

const context: ArmlContext = {
	campaigns: [2024, 2025],
	armls: ['bretagne'],
	chapters: ['1'],
	criteria: ['1.1'],
	years: [2021, 2022, 2023]
};

describe('the ARML pages’ URL', () => {
	it('reads and writes an ARML page’s campaign, phase, columns and key figures’ year', () => {
		const query = '?campagne=2025&phase=audit&colonnes=chapitres&annee=2022';
		const { state, notices } = readUrl(armlHook, new URLSearchParams(query), context);
		expect(notices).toEqual([]);
		expect(state).toEqual({ campaign: 2025, phase: 'audit', columns: 'chapter', year: 2022 });
		expect(writeUrl(armlHook, state)).toBe(query);
	});

	it('refuses unknown columns, years and campaigns, keeping the defaults', () => {
		const { state, notices } = readUrl(
			armlHook,
			new URLSearchParams('colonnes=lignes&annee=2099&campagne=<svg onload=alert(1)>'),
			context
		);
		expect(state).toEqual(armlHook.defaults);
		expect(notices).toHaveLength(3);
	});

	it('reads only a campaign and a phase on the index', () => {
		const { state, notices } = readUrl(
			indexHook,
			new URLSearchParams('phase=audit&colonnes=chapitres'),
			context
		);
		expect(state).toEqual({ campaign: 'latest', phase: 'audit' });
		expect(notices).toHaveLength(1);
	});
});
