import { cubeState } from '../state/cube.svelte';
import { dataset } from '../state/dataset.svelte';
import { importDatabase } from './browserDatabase';
import { importHistory } from './history.svelte';
import { downloadRejected, tableCounts, type CommitOutcome, type ImportMode } from './importer';
import { ipcAccess } from './ipc';
import { planImport, type ImportPlan } from './losses';
import { nextManifest } from './manifest';
import type { PreparedView } from './messages';
import { saveImported } from './persist';
import type { ImportProgress } from './progress';
import { datasetStore, persistent, StaleDataset } from './store';
import { otherTab } from './otherTab.svelte';
import { announceChange } from './tabs';
import { importWorker, stopImportWorker, type ImportWorker } from './workerClient';
import { browserSeconds, browserTimeMessage, commitTimeMessage } from '../data/limits';
import { abandonCommit, discardAllStaging, tableIdentities } from '../data/staging';
import { withTimeout } from '../timeout';

export type SessionPhase = 'idle' | 'reading' | 'validating' | 'ready' | 'committing' | 'done' | 'error';

/**
 * One import, from the files given to the outcome: the import worker reads and validates them
 * (nothing changes), the user chooses, the worker imports, the page keeps the dataset in IndexedDB.
 * The main thread only draws and relays statements to DuckDB-WASM.
 */
class ImportSession {
	phase = $state<SessionPhase>('idle');
	mode = $state<ImportMode>('new');
	excludeErrorRows = $state(true);
	progress = $state<ImportProgress | null>(null);
	prepared = $state.raw<PreparedView | null>(null);
	outcome = $state.raw<CommitOutcome | null>(null);
	error = $state<string | null>(null);
	/** Whether the imported dataset is kept for the next visits. */
	saved = $state<'saving' | 'saved' | 'session' | 'failed' | null>(null);
	/** Why the dataset could not be kept. */
	saveError = $state<string | null>(null);
	/** What the page says beside an import's outcome (its commit answered past the time limit). */
	notice = $state<string | null>(null);
	/** Why imports cannot run in this browser (the engine or the import worker did not start). */
	unavailable = $state<string | null>(null);
	/** The rehearsal of the import (see `rehearsal.ts`): `warm` once the engine has run it. */
	warmth = $state<'cold' | 'warming' | 'warm'>('cold');
	#run = 0;

	/** The worker, serving the page's database. */
	async #worker(): Promise<ImportWorker> {
		const worker = importWorker();
		const ipc = ipcAccess(await dataset.database());
		if (!worker || !ipc)
			throw new Error('ce navigateur ne permet pas l’import (Web Worker ou moteur indisponible)');
		worker.serve(ipc);
		return worker;
	}

	/**
	 * Has the worker rehearse an import once the engine is ready, while the user picks files (on the
	 * Données page, or as soon as files are dragged over a page). A user's batch waits for it.
	 */
	async warmUp(): Promise<void> {
		if (this.warmth !== 'cold') return;
		this.warmth = 'warming';
		try {
			await (await this.#worker()).warm();
		} catch (e) {
			// The engine or the import worker did not start: the page says so before any file is picked.
			this.unavailable = e instanceof Error ? e.message : String(e);
		} finally {
			this.warmth = 'warm';
		}
	}

	#onProgress(run: number) {
		return (p: ImportProgress) => {
			if (run !== this.#run) return;
			this.progress = p;
			if (p.stage !== 'read') this.phase = 'validating';
		};
	}

	#ready(run: number, prepared: PreparedView, start: number) {
		if (run !== this.#run) return;
		performance.measure('import:read', { start, duration: prepared.timings.read });
		performance.measure('import:validate', {
			start: start + prepared.timings.read,
			duration: prepared.timings.validate
		});
		this.prepared = prepared;
		this.phase = 'ready';
	}

	/** Reads and validates files (dropping any batch waiting for a decision). */
	async start(files: File[]): Promise<void> {
		if (files.length === 0) return;
		const run = this.#begin();
		this.outcome = null;
		this.saved = null;
		this.saveError = null;
		this.phase = 'reading';
		try {
			const start = performance.now();
			const worker = await this.#worker();
			const prepared = await this.#limited(worker.prepare(files, this.mode, this.#onProgress(run)));
			this.#ready(run, prepared, start);
		} catch (e) {
			this.#fail(run, e);
		}
	}

	/** Changes what the import does with the batch; a waiting batch is validated again for it. */
	async setMode(mode: ImportMode): Promise<void> {
		if (mode === this.mode) return;
		this.mode = mode;
		if (this.phase !== 'ready') return;
		const run = this.#begin();
		this.phase = 'validating';
		try {
			const start = performance.now();
			const worker = await this.#worker();
			const prepared = await this.#limited(worker.revalidate(mode, this.#onProgress(run)));
			this.#ready(run, prepared, start);
		} catch (e) {
			this.#fail(run, e);
		}
	}

	/**
	 * The check of a batch, within the time limit (`browserSeconds`). Past it, the import worker is
	 * stopped where it is and its staging dropped: nothing changed, the next batch starts a new
	 * worker. DuckDB-WASM finishes the statement it was running first (it cannot be interrupted).
	 */
	async #limited<T>(check: Promise<T>): Promise<T> {
		const seconds = browserSeconds();
		const message = browserTimeMessage(seconds);
		try {
			return await withTimeout(check, seconds * 1000, message);
		} catch (e) {
			if (!(e instanceof Error) || e.message !== message) throw e;
			stopImportWorker(e);
			dataset
				.database()
				.then(discardAllStaging)
				.catch(() => {});
			throw e;
		}
	}

	/**
	 * The commit, within the same time limit as the check (`browserSeconds`). DuckDB cannot interrupt
	 * a statement, and the commit is one transaction: past the limit, the import worker is stopped (no
	 * further statement of it), then DuckDB finishes the one under way and rolls the rest back
	 * (`abandonCommit`). The dataset is then the old one, whole (the commit fails, saying so), or the
	 * new one, whole, if its COMMIT had run: then it is kept as if the commit had answered, and
	 * `notice` says why the page waited.
	 */
	async #limitedCommit(worker: ImportWorker, prepared: PreparedView): Promise<CommitOutcome> {
		const seconds = browserSeconds();
		const message = commitTimeMessage(seconds);
		const db = await dataset.database();
		const before = await tableIdentities(db);
		try {
			return await withTimeout(worker.commit(this.excludeErrorRows), seconds * 1000, message);
		} catch (e) {
			if (!(e instanceof Error) || e.message !== message) throw e;
			stopImportWorker(e);
			const tables = prepared.shown.files.flatMap((f) => (f.committable && f.table ? [f.table] : []));
			const kept = await abandonCommit(db, before, { mode: prepared.mode, tables });
			const said = commitTimeMessage(seconds, kept, prepared.shown.errors > 0);
			if (kept === 'old') throw new Error(said);
			this.notice = said;
			// The rejected rows' file went with the stopped worker (the notice says so).
			return { committed: [], tables: await tableCounts(db), rejected: [] };
		}
	}

	/** What importing the waiting batch would do to the active dataset (null: no batch waits). */
	plan(): ImportPlan | null {
		const current = dataset.kind === 'imported' ? (dataset.imported?.tables ?? null) : null;
		return this.prepared ? planImport(this.prepared, this.excludeErrorRows, current) : null;
	}

	/**
	 * Imports the waiting batch, then keeps the new dataset in IndexedDB. A batch with nothing to
	 * import is refused; one that loses rows or leaves a file out needs `confirmed` (the user saw
	 * what is lost and said yes).
	 */
	async commit(confirmed = false): Promise<void> {
		const prepared = this.prepared;
		const plan = this.plan();
		if (!prepared || !plan || this.phase !== 'ready') return;
		if (plan.incoming === 0 || (plan.risky && !confirmed)) return;
		const run = this.#run;
		const replacesDemo = dataset.kind !== 'imported';
		// The dataset this page shows: another tab may have kept a newer one since.
		const base = replacesDemo ? null : (dataset.imported?.updatedAt ?? null);
		if (persistent() && !(await this.#current(base))) {
			this.error = new StaleDataset().message;
			otherTab.changed = true;
			return;
		}
		this.notice = null;
		this.phase = 'committing';
		const start = performance.now();
		try {
			const { unchanged = {}, ...outcome } = await this.#limitedCommit(await this.#worker(), prepared);
			performance.measure('import:commit', { start });
			// A plain copy: the manifest goes to IndexedDB, which cannot clone Svelte's reactive proxies.
			const previous =
				prepared.mode === 'merge' && dataset.kind === 'imported' ? $state.snapshot(dataset.imported) : null;
			const files = prepared.shown.files.filter((f) => !prepared.existing.has(f.file));
			const manifest = nextManifest(previous, prepared.mode, files, outcome);
			this.prepared = null;
			this.outcome = outcome;
			this.phase = 'done';
			dataset.changed('imported', manifest);
			// The cube of the new data, computed now (in the import worker) and kept beside them: the
			// views of this page read it, and a page opened next reads it without the engine.
			const cube = cubeState.ensure();
			const keeping = this.#keep(manifest, replacesDemo, base, cube, unchanged);
			importHistory.saving(keeping);
			await keeping;
		} catch (e) {
			this.#fail(run, e);
		}
	}

	/** Whether the kept dataset is still the one this page shows (unreadable storage: yes, nothing to lose). */
	async #current(base: string | null): Promise<boolean> {
		try {
			return (await datasetStore().stamp()) === base;
		} catch {
			return true;
		}
	}

	async #keep(
		manifest: Parameters<typeof saveImported>[1],
		replacesDemo: boolean,
		base: string | null,
		cube: Promise<void>,
		unchanged: Parameters<typeof saveImported>[5]
	) {
		this.saved = 'saving';
		try {
			// The cube (SQL in DuckDB's worker) and the tables' Parquet (encoded in the import worker)
			// are kept at the same time: they are independent, and each leaves the other's thread idle.
			const start = performance.now();
			const computed = cube.then(() => performance.measure('import:cube', { start }));
			const db = importDatabase(await dataset.database());
			await saveImported(
				db,
				manifest,
				datasetStore(),
				replacesDemo,
				persistent() ? base : undefined,
				unchanged
			);
			performance.measure('import:save', { start });
			await computed;
			this.saved = persistent() ? 'saved' : 'session';
			importHistory.imported(null);
			announceChange();
		} catch (e) {
			importHistory.imported(replacesDemo ? 'demo' : 'stored');
			// Whatever was kept before stays kept (with its own manifest): losing it too would be worse.
			this.saved = 'failed';
			this.saveError = saveFailure(e);
		}
	}

	/** Drops the waiting batch: nothing changes. */
	async cancel(): Promise<void> {
		this.#begin();
		this.phase = 'idle';
		this.progress = null;
		await importWorker()
			?.cancel()
			.catch(() => {});
	}

	/** Downloads the rows with errors of a file of the waiting batch. */
	async downloadRejected(file: string): Promise<void> {
		try {
			const found = await (await this.#worker()).rejected(file);
			if (found) downloadRejected(found);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** A new run: results of earlier ones are ignored. */
	#begin(): number {
		this.prepared = null;
		this.error = null;
		this.notice = null;
		return ++this.#run;
	}

	#fail(run: number, e: unknown) {
		if (run !== this.#run) return;
		this.phase = 'error';
		this.error = e instanceof Error ? e.message : String(e);
	}
}

/** The page's one import (the drop zone of any page hands its files to it through /donnees). */
export const importSession = new ImportSession();

/** Why the browser refused to keep the dataset, in French (its own message is often English). */
function saveFailure(e: unknown): string {
	const name = e instanceof Error || e instanceof DOMException ? e.name : '';
	if (e instanceof StaleDataset) return e.message;
	if (name === 'QuotaExceededError') return 'espace de stockage du navigateur insuffisant';
	if (name === 'InvalidStateError' || name === 'NotFoundError' || name === 'SecurityError')
		return 'stockage du navigateur indisponible (navigation privée ?)';
	return `erreur du navigateur : ${e instanceof Error ? e.message : String(e)}`;
}
