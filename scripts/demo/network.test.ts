import { describe, expect, it } from 'vitest';
import { missionLocaleName } from './network.ts';

describe('missionLocaleName', () => {
	it('follows French elision and contraction', () => {
		expect(missionLocaleName('Brest')).toBe('Mission Locale de Brest');
		expect(missionLocaleName('Le Havre')).toBe('Mission Locale du Havre');
		expect(missionLocaleName('Les Abymes')).toBe('Mission Locale des Abymes');
		expect(missionLocaleName('La Rochelle')).toBe('Mission Locale de La Rochelle');
		expect(missionLocaleName('Amiens')).toBe("Mission Locale d'Amiens");
		expect(missionLocaleName('Évry-Courcouronnes')).toBe("Mission Locale d'Évry-Courcouronnes");
	});
});
