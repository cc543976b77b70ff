/**
 * Watches a worker after it started. DuckDB-WASM, when its worker fires `error` (an uncaught
 * exception, a crash), only logs it and forgets every request under way: they, and every later
 * one, would wait forever. A `Lifeline` runs each request so that, once the worker has stopped,
 * the requests under way fail at once with one French error, and every later one too.
 */

/** The engine's worker stopped after it started: every request fails with this error. */
export class EngineStopped extends Error {
	override name = 'EngineStopped';

	constructor(
		message: string,
		/** What stopped it, as the worker said. */
		readonly why: string
	) {
		super(`${message}\u202f: ${why}`);
	}
}

/**
 * Errors after which the engine cannot be trusted: the WebAssembly code trapped or aborted (it then
 * answers every later request with the same error, or never). DuckDB's own errors, « Out of Memory
 * Error » included, leave it usable and are not among them.
 */
const FATAL = /^(RuntimeError\b|Aborted\(|.*\b(memory access out of bounds|unreachable executed)\b)/;

export class Lifeline {
	#stopped: EngineStopped | null = null;
	#pending = new Set<(error: Error) => void>();

	/**
	 * `message` starts every error (« le moteur de calcul s’est arrêté »); `onStop` is called once,
	 * when the worker stops.
	 */
	constructor(
		worker: EventTarget,
		private readonly message: string,
		private readonly onStop: (error: EngineStopped) => void = () => {}
	) {
		worker.addEventListener('error', (event) => {
			event.preventDefault();
			const text = (event as Partial<ErrorEvent>).message;
			this.stop(text ? text : 'erreur inconnue dans son worker');
		});
		worker.addEventListener('messageerror', () => this.stop('un message de son worker est illisible'));
	}

	/** Why the engine stopped, or null while it runs. */
	get stopped(): EngineStopped | null {
		return this.#stopped;
	}

	/** Stops the engine (its worker failed): the requests under way and every later one fail. */
	stop(why: string): void {
		if (this.#stopped) return;
		this.#stopped = new EngineStopped(this.message, why);
		for (const reject of this.#pending) reject(this.#stopped);
		this.#pending.clear();
		this.onStop(this.#stopped);
	}

	/** Runs a request, unless the engine stopped; it fails as soon as the engine stops. */
	run<T>(request: () => Promise<T>): Promise<T> {
		if (this.#stopped) return Promise.reject(this.#stopped);
		return new Promise<T>((resolve, reject) => {
			this.#pending.add(reject);
			const settle = () => this.#pending.delete(reject);
			request().then(
				(value) => {
					settle();
					resolve(value);
				},
				(e: unknown) => {
					settle();
					const error = e instanceof Error ? e : new Error(String(e));
					if (FATAL.test(error.message)) this.stop(error.message);
					reject(this.#stopped ?? error);
				}
			);
		});
	}
}
