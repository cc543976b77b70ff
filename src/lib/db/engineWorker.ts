/**
 * DuckDB-WASM's own worker, plus a lifeline (`workerAlive.ts`): it holds the page's lock for as long
 * as it lives, so that the page learns when the browser ends it without an `error` event.
 * DuckDB-WASM's script is loaded as it ships (imported by URL: bundled, it would be dropped, its
 * package declaring no side effects); the messages that arrive before it has loaded wait for it.
 */
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { holdLifeline } from './workerAlive';

type Handler = (event: MessageEvent) => unknown;
type Scope = { onmessage: Handler | null };
const scope = globalThis as unknown as Scope;

let duckdb: Handler | null = null;
const waiting: MessageEvent[] = [];
const receive: Handler = (event) => {
	if (holdLifeline(event.data)) return;
	if (duckdb) return duckdb.call(scope, event);
	waiting.push(event);
};
scope.onmessage = receive;

import(/* @vite-ignore */ duckdbWorkerUrl).then(
	() => {
		// DuckDB-WASM's script set `onmessage` as it loaded: it now gets every message but the lifeline's.
		duckdb = scope.onmessage;
		scope.onmessage = receive;
		for (const event of waiting.splice(0)) duckdb?.call(scope, event);
	},
	(e: unknown) => {
		// Uncaught, so that the page gets the worker's `error` event (`workerStart.ts`) at once.
		setTimeout(() => {
			throw e instanceof Error ? e : new Error(String(e));
		});
	}
);
