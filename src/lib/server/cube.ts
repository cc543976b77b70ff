// Build-time only: the demo's cube, computed once per build by the same SQL as in the browser.
import { buildCube } from '../cube/build';
import type { Cube } from '../cube/types';
import { buildDatabase } from './buildDb';

let cube: Promise<Cube> | undefined;

/** The demo dataset's cube (Node DuckDB), computed once per build. */
export function demoCube(): Promise<Cube> {
	cube ??= buildDatabase().then(buildCube);
	return cube;
}
