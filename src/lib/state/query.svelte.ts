import { untrack } from 'svelte';
import type { Cube } from '../cube/types';
import type { Query } from '../db/types';
import { cubeState } from './cube.svelte';
import { dataset } from './dataset.svelte';

/**
 * What a view asks for: a stable key for the data, the query that computes it, and, when the
 * cube can answer, the function that reads the same rows from it (proven equal by
 * `src/lib/cube/cube.test.ts`).
 */
export type QuerySpec<T extends object = never> = { key: string; query: Query; cube?: (cube: Cube) => T[] };

/** Rows computed at build time for a given key (the demo dataset, prerendered). */
export type Prerendered<T> = { key: string; rows: T[] };

type Result<T> = {
	key: string | null;
	rows: T[];
	status: 'loading' | 'ready' | 'error';
	error: string | null;
};

const LOADING: Result<never> = { key: null, rows: [], status: 'loading', error: null };

/**
 * Rows of one view, always those of its current spec and dataset: read synchronously from the
 * cube when it can answer, else computed by DuckDB-WASM. While a result is missing, the view is
 * `loading` with no rows (never the rows of another state). `key` names the data the rows answer.
 */
export class LiveQuery<T extends object> {
	#spec: () => QuerySpec<T> | null;
	#sql = $state.raw<Result<T>>(LOADING);
	#run = 0;

	/** The key the current rows must carry. */
	#expected = $derived.by(() => {
		const spec = this.#spec();
		return spec ? `${spec.key}@${cubeState.tag}` : null;
	});

	/** The last rows read from the cube: a spec with the same key on the same cube gets them again. */
	#memo: { key: string | null; cube: Cube; result: Result<T> } | null = null;

	#fromCube = $derived.by((): Result<T> | null => {
		const spec = this.#spec();
		if (!spec?.cube) return null;
		const cube = cubeState.cube;
		if (!cube) return LOADING;
		const key = this.#expected;
		// Same data asked again (e.g. a filter this view ignores changed): same rows, same object, so
		// nothing downstream recomputes or redraws.
		const memo = this.#memo;
		if (memo && memo.key === key && memo.cube === cube) return memo.result;
		try {
			const result: Result<T> = { key, rows: spec.cube(cube), status: 'ready', error: null };
			this.#memo = { key, cube, result };
			return result;
		} catch (e) {
			return { key: null, rows: [], status: 'error', error: e instanceof Error ? e.message : String(e) };
		}
	});

	#current = $derived.by((): Result<T> => {
		const cube = this.#fromCube;
		if (cube) return cube;
		const sql = this.#sql;
		return sql.key === this.#expected ? sql : LOADING;
	});

	constructor(spec: () => QuerySpec<T> | null, prerendered?: () => Prerendered<T> | null | undefined) {
		this.#spec = spec;
		const initial = prerendered?.();
		if (initial && cubeState.tag === 'demo-0')
			this.#sql = { key: `${initial.key}@demo-0`, rows: initial.rows, status: 'ready', error: null };
		$effect(() => {
			const current = this.#spec();
			const key = this.#expected;
			if (!current) return;
			if (current.cube) {
				if (!cubeState.cube) cubeState.ensure();
				return;
			}
			if (key === untrack(() => this.#sql.key)) return;
			const run = ++this.#run;
			dataset
				.query<T>(current.query)
				.then((rows) => {
					if (run === this.#run) this.#sql = { key, rows, status: 'ready', error: null };
				})
				.catch((e: unknown) => {
					if (run === this.#run)
						this.#sql = { key, rows: [], status: 'error', error: e instanceof Error ? e.message : String(e) };
				});
		});
	}

	get rows(): T[] {
		return this.#current.rows;
	}
	get status(): Result<T>['status'] {
		return this.#current.status;
	}
	get error(): string | null {
		return this.#current.error;
	}
	get key(): string | null {
		return this.#current.key;
	}
}
