import { describe, expect, it } from 'vitest';
import { withTimeout } from './timeout';

describe('a browser call that may never answer', () => {
	it('rejects with the French message once the time is up', async () => {
		await expect(withTimeout(new Promise(() => {}), 20, 'le stockage ne répond pas')).rejects.toThrow(
			'le stockage ne répond pas'
		);
	});

	it('answers as the call does when it is in time', async () => {
		await expect(withTimeout(Promise.resolve('ok'), 1_000, 'trop tard')).resolves.toBe('ok');
		await expect(withTimeout(Promise.reject(new Error('refusé')), 1_000, 'trop tard')).rejects.toThrow(
			'refusé'
		);
	});
});
