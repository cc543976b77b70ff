import { describe, expect, it } from 'vitest';
import { tableSpec } from '$lib/data/contract';
import { domainText } from './contractText';

const column = (table: Parameters<typeof tableSpec>[0], name: string) => {
	const spec = tableSpec(table);
	return domainText(
		spec.columns.find((c) => c.name === name)!,
		spec
	);
};

describe('domainText', () => {
	it('says a column’s domain from the contract', () => {
		expect(column('evaluations', 'niveau')).toBe('1 à 4');
		expect(column('evaluations', 'campagne')).toBe('2020 à 2100');
		expect(column('evaluations', 'phase')).toBe('auto-evaluation, audit');
		expect(column('chiffres_cles', 'pacea')).toBe('≥ 0');
	});

	it('tells the identifier of a Mission Locale from a reference to one', () => {
		expect(column('missions_locales', 'ml_id')).toMatch(/^1 à 32 caractères/);
		expect(column('evaluations', 'ml_id')).toBe('Mission Locale connue (table missions_locales)');
	});
});
