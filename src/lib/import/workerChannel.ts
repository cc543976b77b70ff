import { lifelineName, watchWorker, WORKER_NOT_STARTED } from '../db/workerAlive';
import { guardStart, WorkerStartError } from '../db/workerStart';
import type { IpcAccess } from './ipc';
import type { WorkerRequest, WorkerResponse } from './messages';
import type { ImportProgress } from './progress';
import { serveDbRequest } from './remote';

/** What requests to the import worker fail with once the browser has ended it without an `error` event. */
export const IMPORT_WORKER_GONE =
	'le module d’import s’est arrêté\u202f: le navigateur a arrêté son worker sans prévenir (mémoire épuisée\u202f?)\u202f; rechargez la page';

/** What every request fails with when the import worker did not start. */
const START_FAILED = 'le module d’import n’a pas pu démarrer';

type Answer = Exclude<WorkerResponse, { type: 'progress' } | { type: 'db' } | { type: 'ready' }>;
type Pending = {
	resolve: (response: Answer) => void;
	reject: (error: Error) => void;
	onProgress?: (progress: ImportProgress) => void;
};

/** Distributes `Omit` over a union (each request kind keeps its own fields). */
type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The page's end of the import worker's channel (`worker.ts`): its start, watched until it has
 * started and for as long as it lives (`db/workerAlive.ts`); one promise per request, failing at
 * once when the worker cannot serve; and the relay that runs the worker's statements on the page's
 * DuckDB-WASM (`serve`). What is asked through it: `ImportWorker` (`workerClient.ts`).
 */
export class ImportChannel {
	#worker: Worker;
	#pending = new Map<number, Pending>();
	#next = 0;
	#ipc: IpcAccess | null = null;
	/** Why the worker cannot serve: set when it failed to start, every request then fails at once. */
	#failed: Error | null = null;
	#ready: () => void = () => {};
	/** Stops watching the worker's lifeline (`db/workerAlive.ts`), before it is terminated on purpose. */
	#unwatch: () => void = () => {};

	constructor() {
		// Named after the lock it takes first and holds for as long as it lives (`db/workerAlive.ts`).
		const lifeline = lifelineName('import');
		// Vite bundles the worker only from this literal form: `new URL` passed through a variable
		// ships the script as a raw asset, which the browser cannot run (every import then fails).
		this.#worker = new Worker(new URL('./workerEntry.ts', import.meta.url), {
			type: 'module',
			name: lifeline
		});
		this.#worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.#receive(event.data);
		let started = false;
		let notStarted: (error: Error) => void = () => {};
		// Ended by the browser without an `error` event: before its start, the start fails; after it,
		// what is under way and what follows fail.
		this.#unwatch = watchWorker(lifeline, (end) => {
			if (!started)
				return notStarted(
					new WorkerStartError(
						`${START_FAILED}\u202f: ${end === 'not-started' ? WORKER_NOT_STARTED : 'son worker s’est arrêté'}`
					)
				);
			this.stop(new Error(IMPORT_WORKER_GONE));
		});
		const ready = new Promise<void>((resolve, reject) => {
			this.#ready = () => {
				started = true;
				resolve();
			};
			notStarted = reject;
		});
		guardStart(this.#worker, ready, START_FAILED).then(
			() => {
				// Started: an error now is a crash; the requests under way fail, later ones are sent.
				this.#worker.onerror = (event) => {
					event.preventDefault();
					this.#rejectAll(
						new Error(`le module d’import s’est arrêté\u202f: ${event.message || 'erreur inconnue'}`)
					);
				};
			},
			(e: Error) => {
				this.#unwatch();
				this.#failed = e;
				this.#rejectAll(e);
				this.#worker.terminate();
			}
		);
	}

	#rejectAll(error: Error) {
		for (const p of this.#pending.values()) p.reject(error);
		this.#pending.clear();
	}

	/** Stops the worker where it is: the requests under way fail with `error`, and every later one. */
	stop(error: Error): void {
		this.#unwatch();
		this.#failed = error;
		this.#rejectAll(error);
		this.#worker.terminate();
	}

	/** Lets the worker run statements on this DuckDB-WASM (its client lives on the main thread). */
	serve(ipc: IpcAccess): void {
		this.#ipc = ipc;
	}

	#receive(message: WorkerResponse) {
		if (message.type === 'ready') return this.#ready();
		if (message.type === 'db') {
			const ipc = this.#ipc;
			if (!ipc)
				return this.#worker.postMessage({
					type: 'db-reply',
					id: message.id,
					error: 'pas de base de données'
				});
			serveDbRequest(ipc, message).then(([reply, transfer]) => this.#worker.postMessage(reply, transfer));
			return;
		}
		const pending = this.#pending.get(message.id);
		if (!pending) return;
		if (message.type === 'progress') return pending.onProgress?.(message.progress);
		this.#pending.delete(message.id);
		if (message.type === 'error') pending.reject(new Error(message.message));
		else pending.resolve(message);
	}

	#ask(request: Request, transfer: Transferable[] = [], onProgress?: Pending['onProgress']) {
		const id = ++this.#next;
		if (this.#failed) return Promise.reject(this.#failed);
		return new Promise<Answer>((resolve, reject) => {
			this.#pending.set(id, { resolve, reject, onProgress });
			this.#worker.postMessage({ ...request, id }, transfer);
		});
	}

	/** Sends `request` and waits for its answer, which must be of `type`. */
	protected async expect<T extends Answer['type']>(
		type: T,
		request: Request,
		transfer: Transferable[] = [],
		onProgress?: Pending['onProgress']
	): Promise<Extract<Answer, { type: T }>> {
		const response = await this.#ask(request, transfer, onProgress);
		if (response.type !== type) throw new Error(`réponse inattendue du worker d’import : ${response.type}`);
		return response as Extract<Answer, { type: T }>;
	}
}
