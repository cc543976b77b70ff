import { cubeState } from '../state/cube.svelte';
import { dataset } from '../state/dataset.svelte';
import { importDatabase } from './browserDatabase';
import { loadStored } from './persist';
import { datasetStore, persistent, StaleDataset, type PreviousDataset } from './store';
import { announceChange } from './tabs';

/**
 * « Annuler la dernière importation »: the dataset active before the last import is kept beside
 * the current one (IndexedDB, see `store.ts`), so it can be brought back once, even after a reload.
 */
class ImportHistory {
	/** Whether a previous dataset can be brought back. */
	available = $state(false);
	busy = $state(false);
	/**
	 * The last import could not be kept: the store still holds what was active before it (its
	 * current record, or nothing when it was the demo), so undoing reads that instead.
	 */
	#unsaved: 'demo' | 'stored' | null = null;
	/** The last import's save, maybe under way: an undo waits for it, or it reads the store a dataset behind. */
	#saving: Promise<unknown> = Promise.resolve();

	/** Asks the store whether there is something to bring back (after a reload, say). */
	async refresh(): Promise<void> {
		try {
			this.available = this.#unsaved !== null || (await datasetStore().hasPrevious());
		} catch {
			this.available = false;
		}
	}

	/** After an import: kept (the store moved the former dataset aside), or not (`unsavedBefore`). */
	imported(unsavedBefore: 'demo' | 'stored' | null): void {
		this.#unsaved = unsavedBefore;
		this.available = true;
	}

	/** The last import is being kept (`done` settles once it is, or could not be). */
	saving(done: Promise<unknown>): void {
		this.#saving = done.catch(() => {});
	}

	/** Forgets what could be brought back (the user's data was erased on purpose). */
	forget(): void {
		this.#unsaved = null;
		this.available = false;
	}

	/** Brings the previous dataset back into the engine; what it was, or null when nothing was kept. */
	async undo(): Promise<'demo' | 'imported' | null> {
		this.busy = true;
		try {
			await this.#saving;
			const store = datasetStore();
			// Another tab may have kept a newer dataset: undoing would bring back its predecessor.
			const base = dataset.kind === 'imported' ? (dataset.imported?.updatedAt ?? null) : null;
			if (this.#unsaved === null && persistent() && (await store.stamp()) !== base) throw new StaleDataset();
			let previous: PreviousDataset | null;
			if (this.#unsaved === 'demo') previous = 'demo';
			else if (this.#unsaved === 'stored') previous = await store.load();
			else previous = await store.undo();
			this.#unsaved = null;
			this.available = false;
			if (!previous) return null;
			announceChange();
			if (previous === 'demo') {
				await dataset.loadDemo();
				return 'demo';
			}
			const manifest = await loadStored(importDatabase(await dataset.database()), previous);
			dataset.changed('imported', manifest);
			// Kept again for the next visit (the cube kept was the undone dataset's).
			void cubeState.ensure();
			return 'imported';
		} finally {
			this.busy = false;
		}
	}
}

export const importHistory = new ImportHistory();
