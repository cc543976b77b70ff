import { describe, expect, it } from 'vitest';
import { guardStart, WorkerStartError } from './workerStart';

const never = new Promise<never>(() => {});

describe('guarding a worker’s start', () => {
	it('fails at once, in French, when the worker reports it could not load', async () => {
		const worker = new EventTarget();
		const started = guardStart(worker, never, 'le moteur ne démarre pas', 60_000);
		worker.dispatchEvent(new Event('error'));
		await expect(started).rejects.toThrow(WorkerStartError);
		await expect(started).rejects.toThrow(
			/^le moteur ne démarre pas\u202f: son script ou son code WebAssembly/
		);
	});

	it('gives up after the timeout when the worker never answers', async () => {
		const started = guardStart(new EventTarget(), never, 'le module d’import ne démarre pas', 20);
		await expect(started).rejects.toThrow(/aucune réponse après 0 s/);
	});

	it('resolves as the start does, and later errors are no longer its business', async () => {
		const worker = new EventTarget();
		await expect(guardStart(worker, Promise.resolve(42), 'x', 50)).resolves.toBe(42);
		worker.dispatchEvent(new Event('error'));
		await new Promise((r) => setTimeout(r, 80));
	});

	it('passes the start’s own failure on', async () => {
		const failed = guardStart(new EventTarget(), Promise.reject(new Error('wasm refusé')), 'x', 50);
		await expect(failed).rejects.toThrow('wasm refusé');
	});
});
