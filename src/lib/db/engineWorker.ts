/**
 * DuckDB-WASM's own worker, plus a lifeline (`workerAlive.ts`): the first thing it does is take the
 * lock it is named after and hold it for as long as it lives, so that the page learns when the
 * browser ends it without an `error` event, or that it never started. DuckDB-WASM's script is then
 * loaded as it ships (imported by URL: bundled, it would be dropped, its package declaring no side
 * effects); the messages that arrive before it has loaded wait for it.
 */
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { holdOwnLifeline, startWorker } from './workerAlive';

holdOwnLifeline();
startWorker(() => import(/* @vite-ignore */ duckdbWorkerUrl));
