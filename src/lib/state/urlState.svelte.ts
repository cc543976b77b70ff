import { afterNavigate, pushState, replaceState } from '$app/navigation';
import { page } from '$app/state';
import { onMount } from 'svelte';
import { freshFirstRender } from './firstRender';
import { readUrl, writeUrl, type Parsed, type UrlHook } from './urlHook';

export type { UrlHook } from './urlHook';

/**
 * A page's state in its URL: the one mechanism every page uses, with the page's own hook (its
 * keys, defaults, parse and write). The URL is read in the browser only (prerendering cannot read
 * it), after hydration (so the prerendered HTML and the first client render agree) — or from the
 * first render when the page is rendered afresh instead of hydrated (`firstRender.ts`) — and once the
 * known values (`context`) are there to check it against. A change pushes a history entry by
 * default: back and forward restore the previous view.
 *
 * A change is a shallow history entry (SvelteKit's `pushState`), not a navigation: no page reads
 * its query in a `load`, so `goto` only re-checked the loads and, to keep the scroll position,
 * read it after the DOM had changed, forcing a synchronous layout of the whole redrawn page (a
 * third of a filter change on the ARML page, issue 12). SvelteKit's `page.url` stays the URL of
 * the last navigation then, so the query is read from the address bar itself, whenever it can
 * change: a navigation, a change made here, back and forward.
 */
export class UrlState<S, C> {
	/** Whether the URL may be read: after hydration, or from the first render of a page rendered afresh. */
	#mounted = $state(freshFirstRender());
	/** The address bar's query (`location.search`), once it may be read. */
	#search = $state(freshFirstRender() ? location.search : '');
	#hook: UrlHook<S, C>;
	#context: () => C | null;

	constructor(hook: UrlHook<S, C>, context: () => C | null) {
		this.#hook = hook;
		this.#context = context;
		const sync = () => (this.#search = location.search);
		onMount(() => {
			sync();
			this.#mounted = true;
			// Back and forward between shallow entries are no navigation (`afterNavigate` is not called).
			addEventListener('popstate', sync);
			return () => removeEventListener('popstate', sync);
		});
		afterNavigate(sync);
	}

	/** True once the URL has been read, or before hydration (the defaults then apply, as prerendered). */
	get settled(): boolean {
		return !this.#mounted || this.#context() !== null;
	}

	/** True once the URL has been read against the known values. */
	get read(): boolean {
		return this.#mounted && this.#context() !== null;
	}

	#parsed: Parsed<S> = $derived.by(() => {
		const context = this.#context();
		if (!this.#mounted || context === null) return { state: this.#hook.defaults, notices: [] };
		// A read-only copy, made again whenever the query changes: nothing mutates it to track.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return readUrl(this.#hook, new URLSearchParams(this.#search), context);
	});

	get state(): S {
		return this.#parsed.state;
	}

	/** What the URL held that the page refused, in French (shown in a polite status). */
	get notices(): string[] {
		return this.#parsed.notices;
	}

	/** The URL query (`?…`, or '') of a state, e.g. for links. */
	query(state: S): string {
		return writeUrl(this.#hook, state);
	}

	/** Changes part of the state; the rest keeps its values (focus and scroll stay where they are). */
	set(change: Partial<S>, options: { replaceState?: boolean } = {}) {
		const search = this.query({ ...this.state, ...change });
		(options.replaceState ? replaceState : pushState)(`${page.url.pathname}${search}`, {});
		this.#search = location.search;
	}
}
