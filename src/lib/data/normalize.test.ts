import { describe, expect, it } from 'vitest';
import { normalizeEnum, normalizeHeader } from './normalize';

describe('normalize', () => {
	it('matches headers whatever their case, accents and spaces', () => {
		expect(normalizeHeader(' Département_code ')).toBe('departement_code');
		expect(normalizeHeader('\ufeffEffectif ETP')).toBe('effectif_etp');
		expect(normalizeHeader('Critère-ID')).toBe('critere_id');
		// Runs of spaces and dashes, as typed around a dash or doubled, make one `_`.
		expect(normalizeHeader('Critère - ID')).toBe('critere_id');
		expect(normalizeHeader('Effectif  ETP')).toBe('effectif_etp');
	});

	it('matches enumerated values in their canonical spelling', () => {
		expect(normalizeEnum('Auto-Évaluation')).toBe('auto-evaluation');
		expect(normalizeEnum(' plan amélioration ')).toBe('plan-amelioration');
		expect(normalizeEnum('GIP')).toBe('gip');
		expect(normalizeEnum('Auto  Évaluation')).toBe('auto-evaluation');
		expect(normalizeEnum('plan__amélioration')).toBe('plan-amelioration');
	});

	it('reads spaces around a hyphen, no-break spaces, dashes and apostrophes as one separator', () => {
		for (const typed of [
			'Auto - Évaluation',
			'Auto\u00a0évaluation',
			'Auto\u202f-\u202fÉvaluation',
			'auto–évaluation',
			'auto — évaluation',
			'auto\u2011evaluation',
			'auto−évaluation',
			'auto\tevaluation',
			'auto’évaluation',
			"auto'évaluation",
			'- auto-évaluation -',
			'auto-évaluation–'
		])
			expect(normalizeEnum(typed), typed).toBe('auto-evaluation');
		expect(normalizeEnum('Axe de progrès')).toBe('axe-de-progres');
		expect(normalizeEnum('audit')).toBe('audit');
		// Letters and digits are kept: only separators change.
		expect(normalizeEnum('audit2')).toBe('audit2');
		expect(normalizeEnum('a.b')).toBe('a.b');
	});
});
