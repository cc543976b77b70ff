import { describe, expect, it } from 'vitest';
import { defaultComparison, NO_EXTRAS, parseExtras, writeExtras } from './criteriaParams';

const campaigns = [2023, 2024, 2025];

describe('criteria explorer URL parameters', () => {
	it('reads targeted criteria in référentiel order, without duplicates or unknown ids', () => {
		const { extras, notices } = parseExtras(new URLSearchParams('cibles=4.4.2,3.3,9.9,3.3'), campaigns);
		expect(extras.targets).toEqual(['3.3', '4.4.2']);
		expect(notices).toEqual(['Critère inconnu ignoré dans « cibles » : 9.9.']);
	});

	it('reads the compared campaigns, and rejects campaigns absent from the data', () => {
		expect(parseExtras(new URLSearchParams('depuis=2023&vers=2025'), campaigns).extras).toMatchObject({
			from: 2023,
			to: 2025
		});
		const { extras, notices } = parseExtras(new URLSearchParams('depuis=1999'), campaigns);
		expect(extras.from).toBeNull();
		expect(notices).toHaveLength(1);
	});

	it('writes only what differs from the defaults', () => {
		expect(writeExtras(new URLSearchParams(), NO_EXTRAS).toString()).toBe('');
		const params = writeExtras(new URLSearchParams('phase=audit'), {
			targets: ['3.3', '4.4.2'],
			from: 2023,
			to: 2024
		});
		expect(params.get('cibles')).toBe('3.3,4.4.2');
		expect(params.toString()).toBe('phase=audit&cibles=3.3%2C4.4.2&depuis=2023&vers=2024');
	});

	it('compares the last two campaigns by default', () => {
		expect(defaultComparison([2025, 2023, 2024])).toEqual({ from: 2024, to: 2025 });
		expect(defaultComparison([2024])).toBeNull();
	});
});
