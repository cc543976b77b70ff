import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { PairedRow } from '../model/rows';
import { drawnPairs, pairedDumbbellChart } from './pairedDumbbell';

const document = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
const row = (kind: PairedRow['kind'], label: string, self: number, audit: number, n = 5): PairedRow => ({
	kind,
	id: label,
	label,
	self,
	audit,
	gap: self - audit,
	n,
	arml_gap: null,
	arml_n: null,
	national_gap: null
});

describe('pairedDumbbellChart', () => {
	it('draws the ARML and nation first, then one dumbbell per line in the rows’ order, gap written', () => {
		const rows = [
			row('ml', 'ML B', 3.5, 2.5),
			row('ml', 'ML A', 3, 3),
			row('arml', 'Moyenne de l’ARML', 3.2, 2.8),
			row('nation', 'Moyenne nationale', 3, 2.9)
		];
		const svg = pairedDumbbellChart(rows, { document: document(), threshold: 3 });
		expect([...svg.querySelectorAll('g.paired-axis text')].map((t) => t.textContent)).toEqual([
			'▸ Moyenne de l’ARML',
			'▸ Moyenne nationale',
			'ML B',
			'ML A'
		]);
		expect([...svg.querySelectorAll('g.gap text')].map((t) => t.textContent)).toEqual([
			'+1,00',
			'0,00',
			'+0,40',
			'+0,10'
		]);
	});

	it('on a narrow screen, fits the width: each label above its line, its gap at the right end', () => {
		const rows = [
			row('ml', 'Mission Locale du Pays de Saint-Jacques-de-la-Lande', 3.5, 2.5),
			row('ml', 'ML A', 3, 3)
		];
		const svg = pairedDumbbellChart(rows, { document: document(), threshold: 3, width: 288 });
		expect(svg.getAttribute('width')).toBe('288');
		const labels = svg.querySelector('g.paired-axis')!;
		expect(labels.getAttribute('text-anchor')).toBe('start');
		// A long name is cut to the room left of the gap (the whole name in its tooltip).
		expect([...labels.querySelectorAll('text')].map((t) => t.firstChild?.textContent)).toEqual([
			'Mission Locale du Pays de Saint-Jac…',
			'ML A'
		]);
		const gaps = svg.querySelector('g.gap')!;
		expect(gaps.getAttribute('text-anchor')).toBe('end');
		expect([...gaps.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['+1,00', '0,00']);
	});

	it('leaves out an ARML line over fewer than three MLs and lines missing a score', () => {
		const rows = [
			row('ml', 'ML A', 3, 3),
			{ ...row('ml', 'ML C', 3, 3), audit: null, gap: null },
			row('arml', 'Moyenne de l’ARML', 3, 3, 2)
		];
		expect(drawnPairs(rows).map((r) => r.label)).toEqual(['ML A']);
	});

	it('gives each line its own row, even when two names are alike or alike on the 48 characters shown', () => {
		const long = 'Mission Locale intercommunale du bassin d’emploi de la vallée';
		const rows = [
			row('ml', `${long} amont`, 3.5, 2.5),
			row('ml', `${long} aval`, 3, 2),
			row('ml', 'ML A', 2, 3),
			{ ...row('ml', 'ML A', 2.5, 3.5), id: 'autre' }
		];
		for (const width of [900, 360]) {
			const svg = pairedDumbbellChart(rows, { document: document(), threshold: 3, width });
			const labels = [...svg.querySelectorAll('g.paired-axis text')].map((t) => t.textContent);
			expect(labels).toHaveLength(4);
			expect(labels[0]).toBe(labels[1]);
			expect(labels.slice(2)).toEqual(['ML A', 'ML A']);
			const ys = [...svg.querySelectorAll('g.gap text')].map((t) => t.getAttribute('transform'));
			expect(new Set(ys).size).toBe(4);
		}
	});
});
