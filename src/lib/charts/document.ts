/**
 * The document charts are drawn in: the browser's, or, while prerendering, one made by linkedom
 * (set by the root layout's load on the server, so that components can draw synchronously).
 */
let serverDocument: (() => Document) | null = null;

export function useServerDocument(make: () => Document) {
	serverDocument = make;
}

/** A document to draw a chart in, or null where there is none. */
export function chartDocument(): Document | null {
	if (typeof document !== 'undefined') return document;
	return serverDocument?.() ?? null;
}
