import { goto } from '$app/navigation';
import { page } from '$app/state';
import { onMount } from 'svelte';
import { filtersToParams, type Domain, type Filters } from '$lib/model/filters';
import { UrlFilters } from '$lib/state/urlFilters.svelte';
import { NO_EXTRAS, parseExtras, writeExtras, type Extras } from './criteriaParams';

/**
 * The explorer's URL state: the shared filters (read by `UrlFilters`) plus its own parameters
 * (targeted criteria, compared campaigns). `UrlFilters.set` would drop the latter, so changes go
 * through `set` here, which writes both.
 */
export class CriteriaUrl {
	#mounted = $state(false);
	#domain: () => Domain | null;
	#filters: UrlFilters;

	constructor(domain: () => Domain | null) {
		this.#domain = domain;
		this.#filters = new UrlFilters(domain);
		onMount(() => (this.#mounted = true));
	}

	get settled(): boolean {
		return this.#filters.settled;
	}

	get filters(): Filters {
		return this.#filters.filters;
	}

	#parsed = $derived.by(() => {
		const domain = this.#domain();
		if (!this.#mounted || !domain) return { extras: NO_EXTRAS, notices: [] as string[] };
		return parseExtras(page.url.searchParams, domain.campaigns);
	});

	get extras(): Extras {
		return this.#parsed.extras;
	}

	get notices(): string[] {
		return [...this.#filters.notices, ...this.#parsed.notices];
	}

	/** Changes filters and parameters; the others keep their values. */
	set(change: Partial<Filters>, extras: Partial<Extras> = {}, options: { replaceState?: boolean } = {}) {
		const params = writeExtras(filtersToParams({ ...this.filters, ...change }), {
			...this.extras,
			...extras
		});
		// Commas are legal in a query string and keep `cibles=3.3,4.4.2` readable in a shared link.
		const query = params.toString().replaceAll('%2C', ',');
		goto(`${page.url.pathname}${query ? `?${query}` : ''}`, {
			keepFocus: true,
			noScroll: true,
			replaceState: options.replaceState ?? false
		});
	}
}
