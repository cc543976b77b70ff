import { dataset } from '../state/dataset.svelte';
import { importDatabase } from './browserDatabase';
import { restoreImported } from './persist';
import { datasetStore } from './store';

/**
 * The start-up loader (`dataset.useImportedLoader`): restores the dataset kept in IndexedDB, if
 * any, before any view queries. Loaded on demand so the first page does not carry it.
 */
export async function restore(db: Parameters<typeof importDatabase>[0]): Promise<boolean> {
	let manifest;
	try {
		manifest = await restoreImported(importDatabase(db), datasetStore());
	} catch (e) {
		// A browser without usable storage shows the demo quietly, unless a dataset was announced.
		if (dataset.kind !== 'imported') return false;
		throw e;
	}
	if (!manifest) return false;
	dataset.imported = manifest;
	return true;
}
