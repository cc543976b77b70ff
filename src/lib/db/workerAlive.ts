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

/** The prefix of every lifeline's lock name: a worker holds a lock only when named with it. */
const PREFIX = 'observatoire-';

/** The page's Web Locks, or null where there are none (an old browser, a page not served securely). */
export function pageLocks(): Locks | null {
	return (globalThis.navigator as { locks?: Locks } | undefined)?.locks ?? null;
}

/**
 * A lock name for one worker (unique across the tabs of the origin: locks are shared by them). The
 * page names the worker with it (`new Worker(url, { name })`): the worker reads it as its script
 * starts, before any message.
 */
export function lifelineName(kind: string): string {
	return `${PREFIX}${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * In a worker, the first thing its script does: takes the lock it is named after (`lifelineName`)
 * for as long as it lives. Returns whether it took one (false for a worker named otherwise).
 */
export function holdOwnLifeline(
	scope: { name?: unknown } = globalThis as { name?: unknown },
	locks: Locks | null = pageLocks()
): boolean {
	const name = scope.name;
	if (typeof name !== 'string' || !name.startsWith(PREFIX)) return false;
	locks?.request(name, { signal: new AbortController().signal }, () => new Promise(() => {})).catch(() => {});
	return true;
}

type Handler = (event: MessageEvent) => unknown;

/**
 * In a worker whose entry takes its lifeline first (`holdOwnLifeline`), then loads the rest
 * (`load`, a dynamic import whose script sets `onmessage`): the messages that arrive meanwhile wait
 * for it, in order. A script that cannot load is thrown uncaught, so that the page gets the
 * worker's `error` event (`workerStart.ts`) at once.
 */
export function startWorker(
	load: () => Promise<unknown>,
	scope: { onmessage: Handler | null } = globalThis as unknown as { onmessage: Handler | null }
): Promise<void> {
	const waiting: MessageEvent[] = [];
	const wait: Handler = (event) => waiting.push(event);
	scope.onmessage = wait;
	return load().then(
		() => {
			const handler = scope.onmessage === wait ? null : scope.onmessage;
			for (const event of waiting.splice(0)) handler?.call(scope, event);
		},
		(e: unknown) => {
			setTimeout(() => {
				throw e instanceof Error ? e : new Error(String(e));
			});
		}
	);
}

/**
 * How long the page waits for a worker to take its lock. Its entry takes it first, before loading
 * anything else: a few milliseconds after the worker starts, under a second on a busy machine. A
 * worker without it by then never started (the browser ended it before its script ran).
 */
export const HELD_WAIT_MS = 10_000;

/** How a watched worker ended: after it took its lock, or before (it never started). */
export type WorkerEnd = 'ended' | 'not-started';

/** Why, in French, when a worker never took its lock (`not-started`). */
export const WORKER_NOT_STARTED = `son worker ne s’est pas lancé dans les ${HELD_WAIT_MS / 1000}\u202fs (arrêté par le navigateur dès son démarrage\u202f?)`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * On the page: calls `onEnd` once the worker holding lock `name` (`holdOwnLifeline`) has ended, by
 * whatever means (`ended`), or when it has not taken that lock within `heldWaitMs` of this call
 * (`not-started`). Until it holds the lock the page only looks (`query`), never asks for it, so that
 * a worker slow to start, within the wait, is not taken for dead. Without Web Locks nothing is
 * watched. Returns the function that stops watching: call it before terminating the worker on purpose.
 */
export function watchWorker(
	name: string,
	onEnd: (end: WorkerEnd) => void,
	locks: Locks | null = pageLocks(),
	heldWaitMs = HELD_WAIT_MS
): () => void {
	const controller = new AbortController();
	if (!locks) return () => {};
	const end = (how: WorkerEnd) => {
		if (!controller.signal.aborted) onEnd(how);
	};
	const watch = async () => {
		const deadline = Date.now() + heldWaitMs;
		for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
			const { held = [] } = await locks.query();
			if (held.some((lock) => lock.name === name)) break;
			if (controller.signal.aborted) return;
			if (Date.now() > deadline) return end('not-started');
			await sleep(wait);
		}
		await locks.request(name, { signal: controller.signal }, () => end('ended'));
	};
	// An abort rejects the waiting request: nothing to report then.
	watch().catch(() => {});
	return () => controller.abort();
}
