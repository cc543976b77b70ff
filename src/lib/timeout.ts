/**
 * Rejects with `Error(message)` when `promise` has not settled after `ms` (and stops the timer when
 * it has). For browser APIs that can wait forever: an IndexedDB open queued behind another tab's
 * version change, a worker that never answers.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
	return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
