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
});
