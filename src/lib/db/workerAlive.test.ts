import { describe, expect, it, vi } from 'vitest';
import { holdLifeline, watchWorker, type Locks } from './workerAlive';

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

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('a worker’s end seen through the lock it holds', () => {
	it('is reported once the worker has ended, never while it lives', async () => {
		const locks = new FakeLocks();
		expect(holdLifeline({ observatoireLifeline: 'moteur-1' }, locks.as('worker'))).toBe(true);
		const gone = vi.fn();
		watchWorker('moteur-1', gone, locks.as('page'));
		await settle();
		expect(gone).not.toHaveBeenCalled();
		locks.end('worker');
		await vi.waitFor(() => expect(gone).toHaveBeenCalledTimes(1));
	});

	it('waits for the worker to hold its lock before watching: a slow start is not an end', async () => {
		const locks = new FakeLocks();
		const gone = vi.fn();
		watchWorker('import-1', gone, locks.as('page'));
		await settle();
		// The worker takes its lock late: the page had not taken it in its place.
		holdLifeline({ observatoireLifeline: 'import-1' }, locks.as('worker'));
		await settle();
		expect(gone).not.toHaveBeenCalled();
		locks.end('worker');
		await vi.waitFor(() => expect(gone).toHaveBeenCalledTimes(1));
	});

	it('says nothing once the page stops watching (it terminates the worker itself)', async () => {
		const locks = new FakeLocks();
		holdLifeline({ observatoireLifeline: 'moteur-2' }, locks.as('worker'));
		const gone = vi.fn();
		const unwatch = watchWorker('moteur-2', gone, locks.as('page'));
		await settle();
		unwatch();
		locks.end('worker');
		await settle();
		expect(gone).not.toHaveBeenCalled();
	});

	it('gives up watching a worker that never takes its lock, without calling it ended', async () => {
		const locks = new FakeLocks();
		const gone = vi.fn();
		watchWorker('jamais', gone, locks.as('page'), 50);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(gone).not.toHaveBeenCalled();
		expect((await locks.as('page').query()).held).toEqual([]);
	});

	it('leaves every other message to the worker', () => {
		const locks = new FakeLocks();
		for (const data of [null, 42, { type: 'prepare', id: 1 }, { observatoireLifeline: 3 }])
			expect(holdLifeline(data, locks.as('worker'))).toBe(false);
	});

	it('watches nothing where the browser has no Web Locks', () => {
		expect(holdLifeline({ observatoireLifeline: 'x' }, null)).toBe(true);
		expect(() => watchWorker('x', () => {}, null)()).not.toThrow();
	});
});
