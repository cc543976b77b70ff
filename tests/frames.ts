import type { Page } from '@playwright/test';

/**
 * Samples every animation frame from the first one: the URL and the `data-ready` keys of the
 * views visible in that frame. Call before the first navigation.
 */
export async function sampleFrames(page: Page): Promise<void> {
	await page.addInitScript((BUSY) => {
		type Frame = { t: number; href: string; keys: string[] };
		const frames: Frame[] = [];
		(window as unknown as { __frames: Frame[] }).__frames = frames;
		const tick = () => {
			const keys: string[] = [];
			const visible = (el: Element) =>
				el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
			for (const el of document.querySelectorAll('[data-ready]'))
				if (visible(el)) keys.push(el.getAttribute('data-ready') ?? '');
			// A view that is computing must not still show figures (dimmed or not).
			for (const el of document.querySelectorAll('[aria-busy="true"]'))
				if (visible(el) && el.querySelector('svg:not([width="0"]), table, li')) keys.push(BUSY);
			frames.push({ t: performance.now(), href: location.href, keys });
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	}, BUSY);
}

type Frame = { t: number; href: string; keys: string[] };

/** The key recorded for a view that is computing yet still shows figures. */
export const BUSY = 'busy-with-figures';

/** The frames sampled so far. */
export async function frames(page: Page): Promise<Frame[]> {
	return page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames);
}

/**
 * The longest time (ms) a view stayed visible with a key that does not answer the URL of its
 * frame, as judged by `wrong(key, url)`, and the first such key.
 */
export function longestStale(
	sampled: Frame[],
	wrong: (key: string, url: URL) => boolean
): { ms: number; key: string | null } {
	let worst = { ms: 0, key: null as string | null };
	let since: number | null = null;
	let key: string | null = null;
	for (const frame of sampled) {
		const bad = frame.keys.find((k) => k === BUSY || wrong(k, new URL(frame.href)));
		if (bad !== undefined) {
			if (since === null) [since, key] = [frame.t, bad];
			if (frame.t - since > worst.ms) worst = { ms: frame.t - since, key };
		} else since = null;
	}
	return worst;
}

/** The filters part of a URL as the app writes it in keys (`defaut` without parameters). */
export function filtersKeyOf(url: URL, keep: readonly string[] = []): string {
	const params = new URLSearchParams(url.search);
	for (const name of [...params.keys()]) if (keep.length && !keep.includes(name)) params.delete(name);
	return params.toString() || 'defaut';
}
