import { describe, expect, it } from 'vitest';
import { keyFiguresCsv, timelineCsv } from './homeCsv';

const lines = (csv: string) => csv.replace(/^\ufeff/, '').split('\r\n');

describe('home page exports', () => {
	it('writes the timeline with French headers', () => {
		expect(lines(timelineCsv([{ month: '2025-01-01', engaged: 3, labelled: 2, total: 10 }]))).toEqual([
			'mois;engagees;labellisees;total',
			'2025-01-01;3;2;10'
		]);
	});

	it('writes key figures indicator first, then the years in order, then the change, with its mask mark', () => {
		const cards = [{ label: 'Jeunes accompagnés', value: 110, before: 100, change: 0.1 }];
		expect(lines(keyFiguresCsv(cards, 2025, 2024, false))).toEqual([
			'indicateur;2024;2025;evolution;masque',
			'Jeunes accompagnés;100;110;0,1;non'
		]);
		const masked = [{ label: 'Jeunes accompagnés', value: null, before: null, change: null }];
		expect(lines(keyFiguresCsv(masked, 2025, null, true))).toEqual([
			'indicateur;annee_precedente;2025;evolution;masque',
			'Jeunes accompagnés;;;;oui'
		]);
	});
});
