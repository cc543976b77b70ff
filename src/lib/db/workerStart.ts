/**
 * Guards the start of a Web Worker (DuckDB-WASM's, the import's): a worker that cannot load (its
 * script or its wasm refused, blocked or missing) must not leave the page waiting forever.
 * DuckDB-WASM, for one, only logs its worker's `error` event and forgets the requests under way.
 */

/** How long a worker may take to start before the page gives up on it (a busy 2-core machine starts DuckDB in ≈ 3–10 s). */
export const WORKER_START_TIMEOUT_MS = 60_000;

/** A worker that did not start: every later request fails at once with the same error. */
export class WorkerStartError extends Error {
	override name = 'WorkerStartError';
}

/**
 * Resolves as `start` does, or rejects with `WorkerStartError(message)` as soon as `worker` fires
 * `error` (it failed to load or crashed) or when `ms` have passed first.
 */
export function guardStart<T>(
	worker: EventTarget,
	start: Promise<T>,
	message: string,
	ms = WORKER_START_TIMEOUT_MS
): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const fail = (why: string) => {
			cleanup();
			reject(new WorkerStartError(`${message} : ${why}`));
		};
		const onError = (event: Event) => {
			event.preventDefault();
			const text = (event as Partial<ErrorEvent>).message;
			fail(text ? text : 'son script ou son code WebAssembly n’a pas pu être chargé');
		};
		const timer = setTimeout(() => fail(`aucune réponse après ${Math.round(ms / 1000)} s`), ms);
		const cleanup = () => {
			clearTimeout(timer);
			worker.removeEventListener('error', onError);
		};
		worker.addEventListener('error', onError);
		start.then(
			(value) => {
				cleanup();
				resolve(value);
			},
			(e: unknown) => {
				cleanup();
				reject(e instanceof Error ? e : new Error(String(e)));
			}
		);
	});
}
