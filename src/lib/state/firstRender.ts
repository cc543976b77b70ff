/**
 * How the page's first client render starts (issue 12, a cold shared link). The prerendered HTML
 * holds the page in its default state; a link with parameters asks for another one. Hydrating that
 * HTML walked and adopted thousands of nodes drawn for the defaults, only to recompute and redraw
 * every view for the URL right after: on `/arml/occitanie?campagne=2025&phase=audit&colonnes=chapitres`
 * that was most of the time from the page's scripts to the right chart. Such a page is rendered
 * afresh instead, already in the URL's state: the prerendered markup stays on screen (its charts
 * hidden, see `app.css`) until Svelte replaces it, in the same task, with the page it renders.
 */

/** Svelte's marker of where hydration starts (`<!--[-->`, opening a component or a block). */
const HYDRATION_START = '[';

let fresh = false;

/**
 * True during the first render of a page rendered afresh (until `+layout.svelte` marks the page
 * hydrated): views may read the URL from their first render, and charts wait to know whether they
 * are in view.
 */
export function freshFirstRender(): boolean {
	return fresh && document.documentElement.dataset.hydrated !== 'true';
}

/**
 * Called before the app starts (`hooks.client.ts`): when the URL carries parameters (`app.html`'s
 * script marks it before the first paint), the hydration markers at the top of `target` are
 * renamed, so that Svelte finds nothing to hydrate and mounts the app into `target` instead (its
 * recovery when there is nothing to hydrate: it clears the target, then renders, with no warning).
 * Returns whether it did.
 */
export function renderFreshIfLinked(target: Element | null): boolean {
	if (!target || document.documentElement.dataset.urlFilters === undefined) return false;
	// Every such marker among the target's children: Svelte hydrates from the first it finds, and
	// the root layout opens more than one block at that level.
	for (let node = target.firstChild; node; node = node.nextSibling)
		if (node.nodeType === Node.COMMENT_NODE && (node as Comment).data === HYDRATION_START) {
			(node as Comment).data = 'rendu dans le navigateur';
			fresh = true;
		}
	return fresh;
}
