// Build-time only: server `load` functions run it while prerendering (in Node).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadDemoTables, loadFoundations } from '../db/dataset';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/types';
import { validateReferentiel } from '../referentiel/validate';
import { referentiel } from '../referentiel';

let db: Promise<Database> | undefined;

const read = async (path: string) => new Uint8Array(await readFile(resolve('data', path)));

async function open(): Promise<Database> {
	const errors = validateReferentiel(referentiel);
	if (errors.length) throw new Error(`Référentiel invalide :\n${errors.join('\n')}`);
	const database = await openNodeDatabase();
	await loadFoundations(database, read);
	await loadDemoTables(database, read);
	return database;
}

/** The demo dataset in Node DuckDB, opened once per build. */
export function buildDatabase(): Promise<Database> {
	db ??= open();
	return db;
}
