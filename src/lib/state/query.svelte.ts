import type { Query } from '../db/types';
import { dataset } from './dataset.svelte';

/** What a view asks for: a stable key for the data and the query that computes it. */
export type QuerySpec = { key: string; query: Query };

/** Rows computed at build time for a given key (the demo dataset, prerendered). */
export type Prerendered<T> = { key: string; rows: T[] };

/**
 * Rows of one query, kept in step with its spec and the active dataset. Starts from the rows
 * computed at build time when they answer the same question on the demo dataset; otherwise runs
 * on DuckDB-WASM. `key` changes with the data drawn and is null while a new result loads.
 */
export class LiveQuery<T extends object> {
	rows = $state<T[]>([]);
	status = $state<'loading' | 'ready' | 'error'>('loading');
	error = $state<string | null>(null);
	key = $state<string | null>(null);
	#run = 0;

	constructor(spec: () => QuerySpec | null, prerendered?: () => Prerendered<T> | null | undefined) {
		const initial = prerendered?.();
		if (initial && dataset.kind === 'demo') {
			this.rows = initial.rows;
			this.key = `${initial.key}@demo-0`;
			this.status = 'ready';
		}
		$effect(() => {
			const current = spec();
			const version = dataset.version;
			const kind = dataset.kind;
			if (!current) return;
			const key = `${current.key}@${kind}-${version}`;
			if (key === this.key && this.status === 'ready') return;
			const run = ++this.#run;
			this.status = 'loading';
			this.key = null;
			dataset
				.query<T>(current.query)
				.then((rows) => {
					if (run !== this.#run) return;
					this.rows = rows;
					this.key = key;
					this.status = 'ready';
					this.error = null;
				})
				.catch((e: unknown) => {
					if (run !== this.#run) return;
					this.status = 'error';
					this.error = e instanceof Error ? e.message : String(e);
				});
		});
	}
}
