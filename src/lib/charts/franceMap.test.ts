import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { MapArea } from '../model/rows';
import { franceMapChart } from './franceMap';
import { MASKED_FILL, mapModel, mapSubtitle, type MapModelOptions } from './mapModel';

const document = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

/** The reference départements (`npm run data`), each with 5 MLs and a rate growing with its rank. */
const departements = readFileSync(
	new URL('../../../data/reference/departements.csv', import.meta.url),
	'utf8'
)
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(','));

const options: MapModelOptions = {
	level: 'departement',
	measure: 'labellisation',
	phase: 'audit',
	criterion: null,
	keyFigure: 'emploi',
	keyFigureLabel: 'Entrées en emploi',
	threshold: 3,
	maxLevel: 4
};

const depRows = (): MapArea[] =>
	departements.map(([code, nom, , arml], i) => ({
		area_id: code,
		area_label: nom,
		arml_code: arml,
		arml_nom: `ARML ${arml}`,
		departements: code,
		value: i / departements.length,
		n: code === '2A' ? 2 : 5,
		mls: 5
	}));

describe('franceMapChart', () => {
	it('draws every mainland département and the overseas ones as tiles, each a labelled link', () => {
		const svg = franceMapChart(depRows(), { ...options, document: document() });
		const areas = [...svg.querySelectorAll('[data-area]')];
		expect(svg.querySelectorAll('path[data-area]')).toHaveLength(96);
		expect([...svg.querySelectorAll('rect[data-area]')].map((r) => r.getAttribute('data-area'))).toEqual([
			'971',
			'972',
			'973',
			'978',
			'974',
			'976'
		]);
		expect(areas.every((a) => a.getAttribute('role') === 'link' && a.getAttribute('aria-label'))).toBe(true);
		expect(areas.filter((a) => a.getAttribute('tabindex') === '0')).toHaveLength(1);
		const ain = svg.querySelector('[data-area="01"]')!;
		expect(ain.getAttribute('aria-label')).toBe(
			'Ain (ARML auvergne-rhone-alpes) : taux de labellisation 0\u00a0% (5 Missions Locales)'
		);
		expect(ain.getAttribute('data-arml')).toBe('auvergne-rhone-alpes');
	});

	it('names its measure in the sentence with its capitals kept (Missions Locales, CEJ)', () => {
		const name = (o: Partial<MapModelOptions>) =>
			franceMapChart(depRows(), { ...options, ...o, document: document() })
				.getAttribute('aria-label')!
				.replace(/[\u00a0\u202f]/g, ' ');
		expect(name({ measure: 'below', criterion: '3.3' })).toBe(
			'Carte de France : part des Missions Locales sous le seuil, critère 3.3 par département'
		);
		// Each area's name too.
		const area = franceMapChart(depRows(), {
			...options,
			measure: 'below',
			criterion: '3.3',
			document: document()
		})
			.querySelector('[data-area="01"]')!
			.getAttribute('aria-label');
		expect(area).toContain('part des Missions Locales sous le seuil');
		expect(
			name({ measure: 'keyFigure', keyFigure: 'cej', keyFigureLabel: 'Entrées en CEJ', level: 'arml' })
		).toBe('Carte de France : entrées en CEJ pour 100 jeunes accompagnés par ARML');
	});

	it('writes its names in the colour of the page, so they read on a dark background too', () => {
		for (const level of ['departement', 'arml'] as const) {
			const svg = franceMapChart(depRows(), { ...options, level, document: document() });
			const texts = [...svg.querySelectorAll('text')];
			expect(texts.length).toBeGreaterThan(0);
			expect(texts.map((t) => t.getAttribute('fill'))).toEqual(texts.map(() => 'currentColor'));
		}
	});

	it('masks a score of fewer than three MLs: grey, and said so', () => {
		const svg = franceMapChart(depRows(), { ...options, measure: 'score', document: document() });
		const corse = svg.querySelector('[data-area="2A"]')!;
		expect(corse.getAttribute('fill')).toBe(MASKED_FILL);
		expect(corse.getAttribute('aria-label')).toContain('masqué, seulement 2 Missions Locales (moins de 3)');
	});

	it('shows the labellisation rate of fewer than three MLs, as every other page does: statuses are public', () => {
		const svg = franceMapChart(depRows(), { ...options, document: document() });
		const corse = svg.querySelector('[data-area="2A"]')!;
		expect(corse.getAttribute('fill')).not.toBe(MASKED_FILL);
		expect(corse.getAttribute('aria-label')).toContain('taux de labellisation');
		expect(corse.getAttribute('aria-label')).toContain('(2 Missions Locales)');
	});

	it('groups départements into one area per ARML at ARML level', () => {
		const rows: MapArea[] = [
			{
				area_id: 'bretagne',
				area_label: 'ARML Bretagne',
				arml_code: 'bretagne',
				arml_nom: 'ARML Bretagne',
				departements: '22,29,35,56',
				value: 0.5,
				n: 12,
				mls: 12
			},
			{
				area_id: 'ocean-indien',
				area_label: 'ARML Océan Indien',
				arml_code: 'ocean-indien',
				arml_nom: 'ARML Océan Indien',
				departements: '974,976',
				value: 0.1,
				n: 8,
				mls: 8
			}
		];
		const svg = franceMapChart(rows, { ...options, level: 'arml', document: document() });
		const bretagne = svg.querySelector('g[data-area="bretagne"]')!;
		expect(bretagne.querySelectorAll('path')).toHaveLength(4);
		expect(svg.querySelector('rect[data-area="ocean-indien"]')).not.toBeNull();
		// The other ARML of the mainland are not in the rows: drawn blank, not focusable.
		expect(svg.querySelectorAll('[data-area]')).toHaveLength(2);
	});

	it('puts the overseas tiles under the mainland on a narrow screen, with names readable once scaled', () => {
		const width = 288;
		const svg = franceMapChart(depRows(), { ...options, document: document(), width });
		const [x, y, w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
		expect(x).toBe(0);
		const scale = width / w;
		const tiles = [...svg.querySelectorAll('rect[data-area]')];
		expect(tiles).toHaveLength(6);
		for (const tile of tiles) {
			const [tx, ty] = [Number(tile.getAttribute('x')), Number(tile.getAttribute('y'))];
			// Inside the drawing, below the mainland (585 map units high).
			expect(tx).toBeGreaterThanOrEqual(0);
			expect(tx + Number(tile.getAttribute('width'))).toBeLessThanOrEqual(x + w);
			expect(ty).toBeGreaterThan(585);
			expect(ty + Number(tile.getAttribute('height'))).toBeLessThanOrEqual(y + h);
		}
		// Every name is at least 10 px on screen once the map is scaled to the phone's width.
		const sizes = [...svg.querySelectorAll('text')].map((t) => Number(t.getAttribute('font-size')) * scale);
		expect(sizes.length).toBeGreaterThan(0);
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
		// The wide layout keeps its column left of the mainland.
		const wide = franceMapChart(depRows(), { ...options, document: document() });
		expect(Number(wide.querySelector('rect[data-area]')!.getAttribute('x'))).toBeLessThan(0);
	});
});

describe('mapModel', () => {
	it('summarises the highest and lowest shown areas and counts the hidden ones', () => {
		const model = mapModel(depRows().slice(0, 4), options);
		expect(model.summary).toBe(
			'Taux de labellisation par département\u202f: valeur la plus élevée\u202f: Alpes-de-Haute-Provence (3\u00a0%)\u202f; la plus basse\u202f: Ain (0\u00a0%).'
		);
		const masked = mapModel(
			[
				{ ...depRows()[0], n: 2 },
				{ ...depRows()[1], n: 0, value: null }
			],
			{ ...options, measure: 'score' }
		);
		expect(masked.areas.map((a) => a.text)).toEqual(['n<3', 'aucune donnée']);
		expect(masked.summary).toContain('2 départements sans valeur affichée');
	});

	it('names every area tied at the top or bottom, three by name and the rest counted', () => {
		const values = [1, 1, 0.5, 0.2, 0.2, 0.2, 0.2, 0.2];
		const rows = values.map((value, i) => ({
			...depRows()[i % 4],
			area_code: `d${i}`,
			area_label: `D${i}`,
			value
		}));
		expect(mapModel(rows, options).summary).toBe(
			'Taux de labellisation par département\u202f: valeur la plus élevée\u202f: D0 et D1 (100\u00a0%)\u202f; la plus basse\u202f: D3, D4, D5 et 2 autres (20\u00a0%).'
		);
		const same = mapModel(rows.slice(0, 2), options).summary;
		expect(same).toBe(
			'Taux de labellisation par département\u202f: 2 départements à la même valeur (100\u00a0%).'
		);
		expect(mapModel(rows.slice(0, 1), options).summary).toContain('une seule valeur\u202f: D0 (100\u00a0%).');
	});

	it('dates the labellisation status by the data, not by the clock', () => {
		expect(mapSubtitle('Taux de labellisation', 'arml', 'labellisation', '2025-12-31')).toBe(
			'Taux de labellisation, par ARML · statut au 31 décembre 2025'
		);
		expect(mapSubtitle('Score moyen', 'arml', 'score', '2025-12-31')).toContain(
			'masqué sous 3 Missions Locales'
		);
		expect(mapSubtitle('Score moyen', 'departement', 'score', '2025-12-31')).not.toMatch(/jour|2025/);
	});

	it('names the filters a map follows instead of its default campaign', () => {
		const scope = 'Campagne 2024 · Audit · ARML Bretagne · statut : labellisée';
		expect(mapSubtitle('Part sous le seuil, critère 1.1', 'departement', 'below', '2025-12-31', scope)).toBe(
			`Part sous le seuil, critère 1.1, par département · ${scope} · masqué sous 3 Missions Locales`
		);
	});

	it('colours a share below the threshold darker as it grows', () => {
		const model = mapModel(
			[0.1, 0.9].map((value, i) => ({ ...depRows()[i], value })),
			{ ...options, measure: 'below', criterion: '4.2.1' }
		);
		expect(model.measureLabel).toBe('Part des Missions Locales sous le seuil, critère 4.2.1');
		expect(model.areas[0].color).not.toBe(model.areas[1].color);
		expect(model.scale.colors.indexOf(model.areas[1].color)).toBe(4);
	});

	it('spreads its colours over the range the shown areas span, on round numbers', () => {
		const model = mapModel(
			[0.83, 0.9, 1].map((value, i) => ({ ...depRows()[i], value })),
			options
		);
		expect(model.scale.thresholds.map((t) => Math.round(t * 100))).toEqual([84, 88, 92, 96]);
		expect(model.scale.legend[0].label).toBe('< 84\u00a0%');
	});
});
