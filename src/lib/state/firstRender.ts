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
/** The id of the first figure in view when the app started, in the prerendered page's layout. */
let firstInView: string | null = null;

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
	if (fresh) firstInView = firstFigureInView(target);
	return fresh;
}

/**
 * The first figure (a chart frame) whose box is in the viewport, when it is a heatmap: the page is
 * laid out already (it has painted), its charts hidden but their frames where they are (`app.css`).
 * The fresh render draws that one chart in its own task, instead of waiting a frame for the
 * observer to say so. Only a heatmap: it is drawn at its own size, where Plot's charts take the
 * width of their frame, which has none before the page is laid out.
 */
function firstFigureInView(target: Element): string | null {
	for (const figure of target.querySelectorAll('figure[id]')) {
		const box = figure.getBoundingClientRect();
		if (box.bottom > 0 && box.top < innerHeight)
			return figure.querySelector('svg.heatmap') ? figure.id : null;
		if (box.top >= innerHeight) break;
	}
	return null;
}

/**
 * During the first render of a page rendered afresh, whether the figure `id` is the one to draw
 * at once (the first in view); every other chart waits for the observer.
 */
export function drawnInFirstRender(id: string): boolean {
	return freshFirstRender() && id === firstInView;
}
