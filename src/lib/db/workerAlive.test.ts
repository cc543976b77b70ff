import { describe, expect, it, vi } from 'vitest';
import { holdOwnLifeline, lifelineName, startWorker, watchWorker, type Locks } from './workerAlive';

/**
 * Web Locks as the browser gives them to the page and its workers (Node has none): a lock is
 * granted to one holder at a time, in the order asked, and released when its callback's promise
 * settles or its holder ends (`end`); a waiting request is dropped when its signal aborts.
 */
class FakeLocks {
	#held = new Map<string, { owner: string; release: () => void }>();
	#waiting: { name: string; owner: string; grant: () => void }[] = [];

	as(owner: string): Locks {
		return {
			request: (name, { signal }, callback) =>
				new Promise((resolve, reject) => {
					const grant = () => {
						let release = () => {};
						const done = new Promise<void>((r) => (release = r));
						this.#held.set(name, { owner, release });
						Promise.race([Promise.resolve(callback()), done]).then(() => this.#release(name), reject);
						resolve(undefined);
					};
					if (!this.#held.has(name)) return grant();
					const entry = { name, owner, grant };
					this.#waiting.push(entry);
					signal.addEventListener('abort', () => {
						this.#waiting = this.#waiting.filter((w) => w !== entry);
						reject(new DOMException('aborted', 'AbortError'));
					});
				}),
			query: async () => ({ held: [...this.#held.keys()].map((name) => ({ name })) })
		};
	}

	/** The holder ends (terminated by the browser): every lock it holds is released. */
	end(owner: string) {
		for (const lock of this.#held.values()) if (lock.owner === owner) lock.release();
	}

	#release(name: string) {
		this.#held.delete(name);
		const next = this.#waiting.findIndex((w) => w.name === name);
		if (next !== -1) this.#waiting.splice(next, 1)[0].grant();
	}
}

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A page watching a worker named `name`, with `heldWaitMs` for it to take its lock; the worker
 * takes it at once (`started`) or later through `start()`.
 */
function watched(name: string, { started = true, heldWaitMs = 10_000 } = {}) {
	const locks = new FakeLocks();
	const start = () => holdOwnLifeline({ name }, locks.as('worker'));
	if (started) expect(start()).toBe(true);
	const onEnd = vi.fn();
	const unwatch = watchWorker(name, onEnd, locks.as('page'), heldWaitMs);
	return { locks, start, onEnd, unwatch };
}

describe('a worker’s end seen through the lock it holds', () => {
	it('is reported once the worker has ended, never while it lives', async () => {
		const { locks, onEnd } = watched('observatoire-moteur-1');
		await settle();
		expect(onEnd).not.toHaveBeenCalled();
		locks.end('worker');
		await vi.waitFor(() => expect(onEnd).toHaveBeenCalledTimes(1));
		expect(onEnd).toHaveBeenCalledWith('ended');
	});

	it('waits for the worker to hold its lock: a slow start within the wait is not an end', async () => {
		const { locks, start, onEnd } = watched('observatoire-import-1', { started: false, heldWaitMs: 1_000 });
		await settle(100);
		// The worker takes its lock late, within the wait: the page had not taken it in its place.
		start();
		await settle(1_100);
		expect(onEnd).not.toHaveBeenCalled();
		locks.end('worker');
		await vi.waitFor(() => expect(onEnd).toHaveBeenCalledTimes(1));
		expect(onEnd).toHaveBeenCalledWith('ended');
	});

	it('reports a worker that never takes its lock as not started, once its wait is over', async () => {
		const { locks, onEnd } = watched('observatoire-jamais', { started: false, heldWaitMs: 500 });
		await settle(50);
		expect(onEnd).not.toHaveBeenCalled();
		await vi.waitFor(() => expect(onEnd).toHaveBeenCalledTimes(1));
		expect(onEnd).toHaveBeenCalledWith('not-started');
		// The page only looked: it never took the lock in the worker's place.
		expect((await locks.as('page').query()).held).toEqual([]);
	});

	it('says nothing once the page stops watching (it terminates the worker itself)', async () => {
		const { locks, onEnd, unwatch } = watched('observatoire-moteur-2');
		await settle();
		unwatch();
		locks.end('worker');
		await settle();
		expect(onEnd).not.toHaveBeenCalled();
	});

	it('says nothing of a worker not yet started when the page stops watching it', async () => {
		const { onEnd, unwatch } = watched('observatoire-moteur-3', { started: false, heldWaitMs: 50 });
		unwatch();
		await settle(150);
		expect(onEnd).not.toHaveBeenCalled();
	});

	it('holds only a lock named as a lifeline, and none for another name', async () => {
		const locks = new FakeLocks();
		for (const name of [undefined, 42, '', 'autre-nom'])
			expect(holdOwnLifeline({ name }, locks.as('worker'))).toBe(false);
		expect((await locks.as('page').query()).held).toEqual([]);
		expect(lifelineName('import')).toMatch(/^observatoire-import-/);
		expect(holdOwnLifeline({ name: lifelineName('import') }, locks.as('worker'))).toBe(true);
		expect((await locks.as('page').query()).held).toHaveLength(1);
	});

	it('watches nothing where the browser has no Web Locks', () => {
		expect(holdOwnLifeline({ name: 'observatoire-x' }, null)).toBe(true);
		expect(() => watchWorker('observatoire-x', () => {}, null)()).not.toThrow();
	});
});

describe('a worker’s entry, its lifeline taken before the rest loads', () => {
	it('hands the messages that arrived while loading to the loaded script, in order, then leaves it every message', async () => {
		const scope: { onmessage: ((event: MessageEvent) => unknown) | null } = { onmessage: null };
		const got: unknown[] = [];
		let loaded = () => {};
		const started = startWorker(() => new Promise<void>((resolve) => (loaded = resolve)), scope);
		const send = (data: unknown) => scope.onmessage?.({ data } as MessageEvent);
		send(1);
		send(2);
		// The loaded script sets its own handler as it runs.
		scope.onmessage = (event) => got.push(event.data);
		loaded();
		await started;
		expect(got).toEqual([1, 2]);
		send(3);
		expect(got).toEqual([1, 2, 3]);
	});

	it('throws a script that cannot load uncaught, so that the page gets the worker’s error event', async () => {
		vi.useFakeTimers();
		try {
			await startWorker(() => Promise.reject(new Error('script introuvable')), { onmessage: null });
			expect(() => vi.runAllTimers()).toThrow('script introuvable');
		} finally {
			vi.useRealTimers();
		}
	});
});
