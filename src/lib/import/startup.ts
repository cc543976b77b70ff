import { dataset } from '../state/dataset.svelte';

/**
 * Lets the dataset restore an imported dataset at start-up. Cheap to import: the code that reads
 * IndexedDB and decodes Parquet loads only when DuckDB starts.
 */
export function registerImportedLoader(): void {
	dataset.useImportedLoader(async (db) => (await import('./restore')).restore(db));
}
