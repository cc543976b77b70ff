import { goto } from '$app/navigation';
import { page } from '$app/state';
import { onMount } from 'svelte';
import { DEFAULT_FILTERS, filtersToParams, type Domain, type Filters } from '$lib/model/filters';
import { UrlFilters } from '$lib/state/urlFilters.svelte';

/** The shared filters these views use; the others (ARML, status, rows…) are fixed by the page. */
export type ViewFilters = Pick<Filters, 'campaign' | 'phase' | 'columns'>;

/**
 * A view's URL state: the shared filters (read by `UrlFilters`, browser only, after hydration)
 * plus the page's own parameters (`id`, `annee`), which `UrlFilters.set` would drop.
 */
export class ViewUrl<K extends string> {
	#mounted = $state(false);
	#filters: UrlFilters;
	#keys: readonly K[];

	constructor(domain: () => Domain | null, keys: readonly K[]) {
		this.#filters = new UrlFilters(domain);
		this.#keys = keys;
		onMount(() => (this.#mounted = true));
	}

	/** True once the URL has been read, or before hydration (then the defaults apply). */
	get settled(): boolean {
		return this.#filters.settled;
	}

	/** True once mounted: the page's own parameters can be read. */
	get mounted(): boolean {
		return this.#mounted;
	}

	get filters(): ViewFilters {
		const f = this.#filters.filters;
		return { campaign: f.campaign, phase: f.phase, columns: f.columns };
	}

	get notices(): string[] {
		return this.#filters.notices;
	}

	/** One of the page's own parameters (null before hydration or when absent). */
	get(key: K): string | null {
		return this.#mounted ? page.url.searchParams.get(key) : null;
	}

	/** The URL query of a set of filters and parameters (`?…`, or '' when all are defaults). */
	query(filters: ViewFilters, extras: Partial<Record<K, string | null>> = {}): string {
		const params = filtersToParams({ ...DEFAULT_FILTERS, ...filters });
		for (const key of this.#keys) {
			const value = key in extras ? extras[key] : this.get(key);
			if (value) params.set(key, value);
		}
		const text = params.toString();
		return text ? `?${text}` : '';
	}

	/** Changes some filters or parameters; the others keep their values. Pushes a history entry. */
	set(change: Partial<ViewFilters>, extras: Partial<Record<K, string | null>> = {}) {
		goto(`${page.url.pathname}${this.query({ ...this.filters, ...change }, extras)}`, {
			keepFocus: true,
			noScroll: true
		});
	}
}
