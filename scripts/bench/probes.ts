/**
 * Code run inside the page, timed there (`performance.now`, MutationObserver, requestAnimationFrame)
 * so that the harness's own round trips are never in a figure. Written as plain JavaScript text:
 * tsx would wrap TypeScript functions in a helper the page does not have.
 *
 * A view is "drawn" when its `data-ready` key (set by ChartFrame once the chart of that key is on
 * screen) changes; the time is taken at the next animation frame, when the new chart is painted.
 */
import type { Page } from '@playwright/test';

/** The main view of each page: the prefix of its `data-ready` key. */
export type View = { path: string; prefix: string };

/**
 * Sets a `<select>` (found by its label) and resolves with the milliseconds until the view's key
 * changed (`ready`), the frame after (`frame`, before that frame's layout and paint) and the end
 * of that frame (`painted`, its layout and paint included), or null after 60 s.
 */
const CHANGE = `({ label, value, prefix }) => new Promise((resolve) => {
	const select = [...document.querySelectorAll('select')].find((s) => s.labels && s.labels[0] && s.labels[0].textContent.trim() === label);
	if (!select) return resolve({ error: 'no select labelled ' + label });
	const key = () => { const e = [...document.querySelectorAll('[data-ready]')].find((x) => x.getAttribute('data-ready').startsWith(prefix)); return e ? e.getAttribute('data-ready') : null; };
	const before = key();
	let done = false;
	const check = () => {
		const now = performance.now();
		const k = key();
		if (done || !k || k === before) return;
		done = true;
		observer.disconnect();
		requestAnimationFrame(() => {
			const frame = performance.now() - t0;
			// A task queued from the frame runs once its style, layout and paint are done.
			setTimeout(() => resolve({ ready: now - t0, frame, painted: performance.now() - t0, key: k }));
		});
	};
	const observer = new MutationObserver(check);
	observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
	setTimeout(() => { if (!done) { done = true; observer.disconnect(); resolve(null); } }, 60000);
	const t0 = performance.now();
	select.value = value;
	select.dispatchEvent(new Event('input', { bubbles: true }));
	select.dispatchEvent(new Event('change', { bubbles: true }));
	check();
})`;

export type Change =
	{ ready: number; frame: number; painted: number; key: string } | { error: string } | null;

export function change(page: Page, label: string, value: string, prefix: string): Promise<Change> {
	return page.evaluate(`(${CHANGE})(${JSON.stringify({ label, value, prefix })})`) as Promise<Change>;
}

const SELECT = (label: string) =>
	`[...document.querySelectorAll('select')].find((s) => s.labels && s.labels[0] && s.labels[0].textContent.trim() === ${JSON.stringify(label)})`;

/** The values of a `<select>` found by its label, and the one selected. */
export function options(page: Page, label: string): Promise<{ values: string[]; value: string } | null> {
	return page.evaluate(
		`(() => { const s = ${SELECT(label)}; return s ? { values: [...s.options].map((o) => o.value), value: s.value } : null; })()`
	) as Promise<{ values: string[]; value: string } | null>;
}

/**
 * Installed before the page's own scripts (addInitScript): records, at every DOM mutation and every
 * animation frame, whether the view of `prefix` shows a key containing `state`, and a hash of its
 * text (Plot's titles carry the figures). \`window.bench.samples\`: [time, matches, hash][].
 */
export const WATCH = `(({ prefix, state }) => {
	const w = window;
	w.bench = { samples: [], fcp: null };
	const hash = (s) => { let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return h; };
	const sample = () => {
		const e = [...document.querySelectorAll('[data-ready]')].find((x) => x.getAttribute('data-ready').startsWith(prefix));
		const frame = e ? e.closest('figure') || e : null;
		const k = e ? e.getAttribute('data-ready') : '';
		const last = w.bench.samples[w.bench.samples.length - 1];
		const s = [performance.now(), !!e && k.includes(state), frame ? hash(frame.textContent) : 0];
		if (!last || last[1] !== s[1] || last[2] !== s[2]) w.bench.samples.push(s);
	};
	new PerformanceObserver((list) => {
		for (const p of list.getEntries()) if (p.name === 'first-contentful-paint') w.bench.fcp = p.startTime;
	}).observe({ type: 'paint', buffered: true });
	const start = () => {
		new MutationObserver(sample).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
		const frame = () => { sample(); if (performance.now() < 120000) requestAnimationFrame(frame); };
		requestAnimationFrame(frame);
	};
	if (document.documentElement) start(); else document.addEventListener('readystatechange', start, { once: true });
})`;

/**
 * The first time from which the view stayed right: its key matching the URL's state and its text
 * the same as once everything settled (the last sample). Null if it never was.
 */
export function correctSince(samples: [number, boolean, number][]): number | null {
	const last = samples.at(-1);
	if (!last || !last[1]) return null;
	let since = last[0];
	for (let i = samples.length - 1; i >= 0 && samples[i][1] && samples[i][2] === last[2]; i--)
		since = samples[i][0];
	return since;
}

/**
 * Installed before the page's scripts: as soon as the page has painted and hydrated, changes the
 * select labelled `label` to `value`; \`window.bench.early\` gets the times of first paint, of the
 * change, and of the view of `prefix` drawn with another key.
 */
export const EARLY = `(({ label, value, prefix }) => {
	const w = window;
	w.bench = { early: null };
	let fcp = null;
	new PerformanceObserver((list) => {
		for (const p of list.getEntries()) if (p.name === 'first-contentful-paint') { fcp = p.startTime; go(); }
	}).observe({ type: 'paint', buffered: true });
	let started = false;
	const go = () => {
		if (started || fcp === null || document.documentElement.dataset.hydrated !== 'true') return;
		started = true;
		(${CHANGE})({ label, value, prefix }).then((r) => (w.bench.early = { fcp, hydrated: t, result: r }));
	};
	let t = null;
	const watch = () => new MutationObserver(() => { if (t === null && document.documentElement.dataset.hydrated === 'true') t = performance.now(); go(); })
		.observe(document.documentElement, { attributes: true, attributeFilter: ['data-hydrated'] });
	if (document.documentElement) watch(); else document.addEventListener('readystatechange', watch, { once: true });
})`;
