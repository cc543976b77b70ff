import type { Row } from '../db/types';
import type { QuerySpec } from '../state/query.svelte';
import { accessibleSvg } from '../charts/accessible';
import { compactGeometry } from '../charts/compact';
import { buildDatabase } from './buildDb';
import { buildDocument } from './svg';

/** Runs a view's query on the demo dataset at build time; the page starts from these rows. */
export async function prerenderRows<T extends object = Row>(
	spec: QuerySpec<T>
): Promise<{ key: string; rows: T[] }> {
	const db = await buildDatabase();
	return { key: spec.key, rows: await db.query<T>(spec.query) };
}

/**
 * Draws any Plot chart at build time; `key` is the query's key (the page adds `@demo-0`), `label`
 * what the chart shows for screen readers (as PlotChart's `label`).
 */
export function prerenderChart(
	key: string,
	render: (document: Document) => SVGElement,
	label: string | null = null
): { key: string; svg: string } {
	return {
		key: `${key}@demo-0`,
		svg: compactGeometry(accessibleSvg(render(buildDocument()), label)).outerHTML
	};
}

/**
 * Draws a chart that carries its own accessibility (focusable, labelled areas) at build time: unlike
 * `prerenderChart`, its SVG is kept as drawn.
 */
export function prerenderSvg(
	key: string,
	render: (document: Document) => SVGElement
): { key: string; svg: string } {
	return { key: `${key}@demo-0`, svg: compactGeometry(render(buildDocument())).outerHTML };
}
