import { describe, expect, it } from 'vitest';
import { pairsText } from './scopeText';

describe('pairsText', () => {
	it('says nothing of pairs when there are none, and agrees with one', () => {
		expect(pairsText(0)).toBe('');
		expect(pairsText(1)).toBe('jusqu’à 1 paire par critère');
		expect(pairsText(12)).toBe('jusqu’à 12 paires par critère');
	});
});
