import { describe, expect, it } from 'vitest';
import file from '../../../referentiel/referentiel-2022-12.json';
import { openNodeDatabase } from '../db/node';
import { chapters, criteria, findCriterion, findElement, referentiel, scale, threshold } from './index';
import { loadReferentielTables } from './tables';
import { validateReferentiel } from './validate';

const expectedIds = [
	'1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4', '4.1.1', '4.1.2', '4.2.1', '4.2.2',
	'4.2.3', '4.3.1', '4.3.2', '4.3.3', '4.4.1', '4.4.2', '5.1', '5.2', '5.3', '5.4'
]; // prettier-ignore

describe('référentiel', () => {
	it('is valid against its JSON Schema and its id invariants', () => {
		expect(validateReferentiel(file)).toEqual([]);
	});

	it('rejects a file with a duplicate element id', () => {
		const broken = structuredClone(file) as typeof file;
		const elements = broken.chapters[0].criteria[0].elements;
		elements[1].id = elements[0].id;
		expect(validateReferentiel(broken)).toContain(`identifiant en double : ${elements[0].id}`);
	});

	it('has 5 chapters and 4 sections in chapter 4', () => {
		expect(chapters.map((c) => c.id)).toEqual(['1', '2', '3', '4', '5']);
		expect(chapters[3].sections.map((s) => s.id)).toEqual(['4.1', '4.2', '4.3', '4.4']);
	});

	it('has the 24 criteria in document order, each with at least one element', () => {
		expect(criteria.map((c) => c.id)).toEqual(expectedIds);
		for (const c of criteria) expect(c.elements.length, c.id).toBeGreaterThan(0);
	});

	it('has unique ids across chapters, sections, criteria and elements', () => {
		const ids = [
			...chapters.map((c) => c.id),
			...chapters.flatMap((c) => c.sections.map((s) => s.id)),
			...criteria.flatMap((c) => [c.id, ...c.elements.map((e) => e.id)])
		];
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('gives every criterion a short label of at most 40 characters', () => {
		for (const c of criteria) {
			expect(c.shortLabel, c.id).not.toBe(c.id);
			expect(c.shortLabel.length, c.id).toBeLessThanOrEqual(40);
		}
	});

	it('marks the maturity scale as the observatory’s own addition', () => {
		expect(referentiel.observatoire.source).toBe('observatoire');
		expect(scale.levels.map((l) => l.label)).toEqual(['Non engagé', 'En cours', 'Atteint', 'Exemplaire']);
		expect(threshold).toBe(3);
		expect(referentiel.version).toBe('2022-12');
		expect(referentiel.socle.values).toHaveLength(5);
		expect(referentiel.socle.principles).toHaveLength(7);
	});

	it('keeps the UNML’s préambule and its 2022 key figures as the text gives them', () => {
		const preamble = referentiel.preamble.intro.join(' ');
		expect(referentiel.preamble.title).toBe('Préambule');
		expect(preamble).toContain("Le Conseil d'Administration de l'UNML a décidé");
		expect(preamble).toContain("(436 Missions Locales, 15 ARML et l'UNML)");
		expect(preamble).toContain('deux référentiels');
		expect(preamble).toContain('Près de soixante-dix structures du réseau');
		expect(referentiel.keyFigures2022.network).toEqual([
			"437 Missions Locales et 6 800 lieux d'accueil",
			'15 ARML',
			'15 000 professionnels'
		]);
		expect(referentiel.keyFigures2022.counts).toEqual({
			missionsLocales: 437,
			sites: 6800,
			arml: 15,
			professionals: 15000
		});
	});

	it('keeps each slip of the UNML’s text verbatim in the criterion it notes', () => {
		expect(referentiel.observatoire.slips.map((s) => [s.target, s.quote])).toEqual([
			['2.1', 'Voir référentiel partie 5'],
			['2.2', 'Voir référentiel partie 5'],
			['4.3.3', '(CE) notamment)']
		]);
		for (const slip of referentiel.observatoire.slips)
			expect(JSON.stringify(findCriterion(slip.target))).toContain(slip.quote);
		expect(referentiel.observatoire.numbering).toMatch(/numérotation de l'observatoire/);
	});

	it('finds criteria and elements by id', () => {
		expect(findCriterion('3.3')?.title).toBe(
			"La Mission Locale assure une fonction d'observatoire de la situation des jeunes"
		);
		expect(findCriterion('4.2.1')?.section?.id).toBe('4.2');
		expect(findElement('4.2.1.a')?.criterion.id).toBe('4.2.1');
		expect(findCriterion('9.9')).toBeUndefined();
	});

	it('round-trips into DuckDB tables that keep ids as text and order', async () => {
		const db = await openNodeDatabase();
		await loadReferentielTables(db);
		const rows = await db.query<{ criterion_id: string; chapter_id: string; n: number }>({
			sql: `SELECT c.criterion_id, c.chapter_id, count(e.element_id) AS n
			      FROM criteria c JOIN elements e USING (criterion_id) GROUP BY ALL ORDER BY min(c.position)`,
			params: []
		});
		expect(rows.map((r) => r.criterion_id)).toEqual(expectedIds);
		expect(rows.map((r) => r.n)).toEqual(criteria.map((c) => c.elements.length));
		const [{ chapters: nChapters, sections }] = await db.query<{ chapters: number; sections: number }>({
			sql: 'SELECT (SELECT count(*) FROM chapters) AS chapters, (SELECT count(*) FROM sections) AS sections',
			params: []
		});
		expect([nChapters, sections]).toEqual([5, 4]);
		await db.close();
	});
});
