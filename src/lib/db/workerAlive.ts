/**
 * Tells the page when one of its workers has ended without a word. A worker the browser terminates
 * (the tab's memory exhausted, `self.close()`, a crash of its process) fires no `error` event: the
 * requests sent to it would wait forever. A Web Lock held by a worker is released when it ends,
 * however it ends; the page asks for that same lock and is granted it only then.
 *
 * A heartbeat would not do: DuckDB-WASM runs a statement synchronously in its worker, which answers
 * nothing for as long as an import's statement takes (minutes on a big file), and would be taken for dead.
 */

/** The part of the Web Locks API used here (`navigator.locks`), given in tests. */
export type Locks = {
	request(name: string, options: { signal: AbortSignal }, callback: () => unknown): Promise<unknown>;
	query(): Promise<{ held?: { name?: string }[] }>;
};

/** The message a worker gets first, naming the lock it holds for as long as it lives. */
export type LifelineMessage = { observatoireLifeline: string };

/** The page's Web Locks, or null where there are none (an old browser, a page not served securely). */
export function pageLocks(): Locks | null {
	return (globalThis.navigator as { locks?: Locks } | undefined)?.locks ?? null;
}

/** A lock name for one worker (unique across the tabs of the origin: locks are shared by them). */
export function lifelineName(kind: string): string {
	return `observatoire-${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * In a worker: when `data` is the page's lifeline message, takes its lock for as long as the worker
 * lives and returns true (the message is then not for anyone else); false for any other message.
 */
export function holdLifeline(data: unknown, locks: Locks | null = pageLocks()): boolean {
	const name = (data as Partial<LifelineMessage> | null)?.observatoireLifeline;
	if (typeof name !== 'string') return false;
	locks?.request(name, { signal: new AbortController().signal }, () => new Promise(() => {})).catch(() => {});
	return true;
}

/** How long the page waits for the worker to take its lock (it takes it on its first message). */
export const HELD_WAIT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * On the page: calls `onGone` once the worker holding lock `name` (sent it by `holdLifeline`) has
 * ended, by whatever means. Waits first until the worker holds the lock, so that a worker slow to
 * start is not taken for dead (without Web Locks, or if it never takes it, nothing is watched).
 * Returns the function that stops watching: call it before terminating the worker on purpose.
 */
export function watchWorker(
	name: string,
	onGone: () => void,
	locks: Locks | null = pageLocks(),
	heldWaitMs = HELD_WAIT_MS
): () => void {
	const controller = new AbortController();
	if (!locks) return () => {};
	const watch = async () => {
		const deadline = Date.now() + heldWaitMs;
		for (let wait = 10; ; wait = Math.min(wait * 2, 500)) {
			const { held = [] } = await locks.query();
			if (held.some((lock) => lock.name === name)) break;
			if (controller.signal.aborted || Date.now() > deadline) return;
			await sleep(wait);
		}
		await locks.request(name, { signal: controller.signal }, () => {
			if (!controller.signal.aborted) onGone();
		});
	};
	// An abort rejects the waiting request: nothing to report then.
	watch().catch(() => {});
	return () => controller.abort();
}
