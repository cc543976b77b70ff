import { describe, expect, it } from 'vitest';
import { searchMessage } from './searchMessage';

const ready = { status: 'ready' as const };

describe('searchMessage', () => {
	it('puts narrow no-break spaces before « ; » and inside « »', () => {
		expect(searchMessage(ready, 'zzzz ', 0, 0)).toBe(
			'Aucune Mission Locale ne correspond à «\u202fzzzz\u202f».'
		);
		expect(searchMessage(ready, 'sa', 42, 10)).toBe(
			'42 Missions Locales trouvées\u202f; les 10 premières sont affichées.'
		);
		expect(searchMessage({ status: 'loading', error: 'réseau' }, 'sa', 0, 0)).toBe(
			'La recherche a échoué\u202f: réseau'
		);
	});

	it('counts one result in the singular and says nothing before two letters', () => {
		expect(searchMessage(ready, 'sa', 1, 1)).toBe('1 Mission Locale trouvée.');
		expect(searchMessage(ready, 'sa', 3, 3)).toBe('3 Missions Locales trouvées.');
		expect(searchMessage({ status: 'idle' }, 's', 0, 0)).toBe('');
	});
});
