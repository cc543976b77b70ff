import { describe, expect, it } from 'vitest';
import { hashSeed, random } from './random.ts';

describe('random streams', () => {
	it('repeat the same numbers for the same names', () => {
		const a = random('rollout', 'ML-29-01');
		const b = random('rollout', 'ML-29-01');
		const draws = Array.from({ length: 5 }, () => a.float());
		expect(Array.from({ length: 5 }, () => b.float())).toEqual(draws);
		for (const x of draws) expect(x >= 0 && x < 1).toBe(true);
	});

	it('differ from one concern to another', () => {
		expect(random('rollout', 'ML-29-01').float()).not.toBe(random('network', 'ML-29-01').float());
		expect(hashSeed('a')).not.toBe(hashSeed('b'));
	});

	it('draw integers within their bounds and shuffle without losing items', () => {
		const rng = random('test');
		for (let i = 0; i < 200; i++) {
			const n = rng.int(2, 5);
			expect(n >= 2 && n <= 5 && Number.isInteger(n)).toBe(true);
		}
		expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
	});
});
