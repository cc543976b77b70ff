/**
 * Charts below the fold are drawn after the one in view (issue 12: a filter change redrew every
 * chart of a page in one task, the one the user looks at last among them). A chart frame asks
 * whether it is on screen (one shared IntersectionObserver); one that is not draws in an idle
 * callback, one chart per callback so that a new change is never queued behind all of them, and
 * shows « Calcul en cours… » meanwhile (never the chart of the previous state).
 */

import { flushSync } from 'svelte';
import { drawnInFirstRender, freshFirstRender } from '$lib/state/firstRender';

type Watcher = (onScreen: boolean) => void;

let observer: IntersectionObserver | null = null;
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a registry of callbacks, never read by a view
const watchers = new Map<Element, Watcher>();

/** Calls `watch` with whether `node` is in the viewport, now and on every change; returns a stop. */
export function watchOnScreen(node: Element, watch: Watcher): () => void {
	if (typeof IntersectionObserver === 'undefined') {
		watch(true);
		return () => {};
	}
	observer ??= new IntersectionObserver((entries) => {
		for (const entry of entries) watchers.get(entry.target)?.(entry.isIntersecting);
	});
	watchers.set(node, watch);
	observer.observe(node);
	return () => {
		watchers.delete(node);
		observer?.unobserve(node);
	};
}

/**
 * Whether the chart frame of figure `id` is in view before the observer has said (it says so after
 * the next layout): unknown (null) while hydrating, since the HTML holds every chart and the frame
 * adopts it; in the first render of a page rendered afresh (`state/firstRender.ts`), only the first
 * figure in view is, so that this render draws that chart and no other: the others are drawn when
 * the observer says they are in view (the next frame), or when the page is idle (a cold shared link
 * drew all of them first).
 */
export function assumedOnScreen(id: string): boolean | null {
	return freshFirstRender() ? drawnInFirstRender(id) : null;
}

const queue: (() => void)[] = [];
let pending = false;

/** Longest wait for an idle moment: a busy machine still draws every chart within it. */
const IDLE_TIMEOUT_MS = 400;

function next() {
	pending = false;
	queue.shift()?.();
	schedule();
}

function schedule() {
	if (pending || queue.length === 0) return;
	pending = true;
	if (typeof requestIdleCallback === 'function') requestIdleCallback(next, { timeout: IDLE_TIMEOUT_MS });
	else setTimeout(next, 0);
}

/** Runs `job` when the page is idle, after the jobs queued before it; returns a cancel. */
export function whenIdle(job: () => void): () => void {
	const run = () => job();
	queue.push(run);
	schedule();
	return () => {
		const i = queue.indexOf(run);
		if (i >= 0) queue.splice(i, 1);
	};
}

/** True while printing: every chart is drawn, in view or not. */
class Printing {
	now = $state(false);
	#listening = false;

	listen() {
		if (this.#listening || typeof window === 'undefined') return;
		this.#listening = true;
		// Drawn before the page is laid out for paper, not in the next microtask.
		window.addEventListener('beforeprint', () => flushSync(() => (this.now = true)));
		window.addEventListener('afterprint', () => (this.now = false));
	}
}

export const printing = new Printing();
