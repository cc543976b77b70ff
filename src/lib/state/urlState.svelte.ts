import { goto } from '$app/navigation';
import { page } from '$app/state';
import { onMount } from 'svelte';
import { readUrl, writeUrl, type Parsed, type UrlHook } from './urlHook';

export type { UrlHook } from './urlHook';

/**
 * A page's state in its URL: the one mechanism every page uses, with the page's own hook (its
 * keys, defaults, parse and write). The URL is read in the browser only (prerendering cannot read
 * it), after hydration (so the prerendered HTML and the first client render agree) and once the
 * known values (`context`) are there to check it against. A change pushes a history entry by
 * default: back and forward restore the previous view.
 */
export class UrlState<S, C> {
	#mounted = $state(false);
	#hook: UrlHook<S, C>;
	#context: () => C | null;

	constructor(hook: UrlHook<S, C>, context: () => C | null) {
		this.#hook = hook;
		this.#context = context;
		onMount(() => (this.#mounted = true));
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
		return readUrl(this.#hook, page.url.searchParams, context);
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

	/** Changes part of the state; the rest keeps its values. */
	set(change: Partial<S>, options: { replaceState?: boolean } = {}) {
		goto(`${page.url.pathname}${this.query({ ...this.state, ...change })}`, {
			keepFocus: true,
			noScroll: true,
			replaceState: options.replaceState ?? false
		});
	}
}
