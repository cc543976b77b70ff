import { flushSync } from 'svelte';
import { limitFor, nextCount, PAGE_ROWS } from './paging';

/** While the page is printed, every long table shows all its rows: paper has no buttons. */
const printing = $state({ on: false });
if (typeof window !== 'undefined') {
	// Synchronously, so that what is printed already holds them (charts redraw the same way).
	window.addEventListener('beforeprint', () => flushSync(() => (printing.on = true)));
	window.addEventListener('afterprint', () => (printing.on = false));
}

/**
 * The window of a long table: its first `limit` rows. `key` names the data (a live query's key):
 * when it changes (a filter), the window goes back to the first page.
 */
export class Paging<T> {
	#rows: () => T[];
	#key: () => unknown;
	#chosen = $state<{ key: unknown; limit: number }>({ key: null, limit: 0 });
	readonly page: number;

	constructor(rows: () => T[], key: () => unknown, page = PAGE_ROWS) {
		this.#rows = rows;
		this.#key = key;
		this.page = page;
	}

	/** Every row: counts and exports use these. */
	readonly all: T[] = $derived.by(() => this.#rows());
	readonly total: number = $derived(this.all.length);
	readonly limit: number = $derived.by(() =>
		printing.on ? Math.max(this.page, this.total) : limitFor(this.#chosen, this.#key(), this.page)
	);
	/** The rows shown. */
	readonly rows: T[] = $derived(this.all.length > this.limit ? this.all.slice(0, this.limit) : this.all);
	/** How many the next page adds (0: all are shown). */
	readonly next: number = $derived.by(() => nextCount(this.total, this.limit, this.page));

	/** The key of the data shown. */
	get key(): unknown {
		return this.#key();
	}

	more() {
		this.#chosen = { key: this.#key(), limit: this.limit + this.page };
	}

	showAll() {
		this.#chosen = { key: this.#key(), limit: Math.max(this.page, this.total) };
	}
}
