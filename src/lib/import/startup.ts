import { cubeState } from '../state/cube.svelte';
import { dataset } from '../state/dataset.svelte';

/**
 * Lets the dataset restore an imported dataset at start-up. Cheap to import: the code that reads
 * IndexedDB and decodes Parquet loads only when DuckDB starts.
 */
export function registerImportedLoader(): void {
	dataset.useImportedLoader(async (db) => (await import('./restore')).restore(db));
	cubeState.useBuilder(async (db) => (await import('./cubeBuilder')).buildCubeInWorker(db));
}

/**
 * Imported data show at once from their kept cube, without the engine. The cube is kept apart
 * from the data, so the page checks, after the first screen, that the data kept in IndexedDB are
 * still the ones it shows (not when a storage error, another tab or a damaged record left other
 * data, or none): if not, it starts the engine, which restores what is kept (or the demo, saying
 * why), and the views follow it.
 */
export async function checkKept(): Promise<void> {
	if (dataset.kind !== 'imported') return;
	const { datasetStore } = await import('./store');
	const stamp = await datasetStore()
		.stamp()
		.catch(() => null);
	if (stamp === null || stamp !== dataset.imported?.updatedAt) dataset.database().catch(() => {});
}
