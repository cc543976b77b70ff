/**
 * Whether the charts the server wrote into the page may not be those the browser draws: the user's
 * own data are active, or the URL carries filters (`app.html`'s script marks both before the first
 * paint). Svelte keeps the server's markup of an `{@html}` at hydration, whatever the browser's
 * value: a chart component then hydrates with no chart, so that the browser's chart replaces the
 * server's once mounted. Otherwise the server's chart, the same, is kept (no second parse).
 */
export function prerenderMayDiffer(): boolean {
	if (typeof document === 'undefined') return false;
	const html = document.documentElement;
	return html.dataset.dataset === 'imported' || html.dataset.urlFilters !== undefined;
}
