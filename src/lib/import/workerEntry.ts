/**
 * The import worker's entry: the first thing it does is take the lock it is named after and hold it
 * for as long as it lives (`db/workerAlive.ts`), so that the page learns when the browser ends it
 * without an `error` event, or that it never started. Only then does it load the worker itself
 * (`worker.ts`, hundreds of kilobytes); the messages that arrive meanwhile wait for it.
 */
import { holdOwnLifeline, startWorker } from '../db/workerAlive';

holdOwnLifeline();
startWorker(() => import('./worker'));
