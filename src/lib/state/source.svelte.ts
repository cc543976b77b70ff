import { sourceCaption } from '../format';
import { cubeState } from './cube.svelte';
import { dataset } from './dataset.svelte';

/**
 * The source line for the active dataset, with its number of Missions Locales counted in the data
 * (the active cube); read inside a `$derived` or markup, it follows the data.
 */
export function datasetSource(): string {
	return sourceCaption(dataset.kind, cubeState.cube?.mls.id.length ?? null);
}
