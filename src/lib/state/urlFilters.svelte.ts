import { goto } from '$app/navigation';
import { page } from '$app/state';
import { onMount } from 'svelte';
import { DEFAULT_FILTERS, filtersToParams, parseFilters, type Domain, type Filters } from '../model/filters';

/**
 * The shared filters of a page, read from the URL in the browser only (prerendering cannot read
 * it) and only after hydration, so the prerendered HTML and the first client render agree.
 * Changing a filter pushes a history entry: back and forward restore the previous view.
 */
export class UrlFilters {
	#mounted = $state(false);
	#domain: () => Domain | null;

	constructor(domain: () => Domain | null) {
		this.#domain = domain;
		onMount(() => (this.#mounted = true));
	}

	/** True once the URL has been read (filters may then differ from the defaults). */
	get settled(): boolean {
		return !this.#mounted || this.#domain() !== null;
	}

	#parsed = $derived.by(() => {
		const domain = this.#domain();
		if (!this.#mounted || !domain) return { filters: DEFAULT_FILTERS, notices: [] as string[] };
		return parseFilters(page.url.searchParams, domain);
	});

	get filters(): Filters {
		return this.#parsed.filters;
	}

	get notices(): string[] {
		return this.#parsed.notices;
	}

	/** Changes some filters; the others keep their values. */
	set(change: Partial<Filters>) {
		const params = filtersToParams({ ...this.filters, ...change });
		const query = params.toString();
		goto(`${page.url.pathname}${query ? `?${query}` : ''}`, { keepFocus: true, noScroll: true });
	}
}
