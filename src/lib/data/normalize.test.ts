import { describe, expect, it } from 'vitest';
import { normalizeEnum, normalizeHeader } from './normalize';

describe('normalize', () => {
	it('matches headers whatever their case, accents and spaces', () => {
		expect(normalizeHeader(' Département_code ')).toBe('departement_code');
		expect(normalizeHeader('\ufeffEffectif ETP')).toBe('effectif_etp');
		expect(normalizeHeader('Critère-ID')).toBe('critere_id');
	});

	it('matches enumerated values in their canonical spelling', () => {
		expect(normalizeEnum('Auto-Évaluation')).toBe('auto-evaluation');
		expect(normalizeEnum(' plan amélioration ')).toBe('plan-amelioration');
		expect(normalizeEnum('GIP')).toBe('gip');
	});
});
