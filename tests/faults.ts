import type { Page, Worker } from '@playwright/test';
import { expect } from './fixture';
import { fileURLToPath } from 'node:url';
import { gotoHydrated } from './a11y';

// Issue 13.8: what each fault gets (`faults-engine`, `faults-storage` and `faults-tabs.e2e.ts`). The
// engine, the import worker and IndexedDB are broken on purpose (aborted requests, scripts run
// before the page); two pages of one context are two tabs. What those tests share is here.

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/import/${name}`, import.meta.url));
export const GOOD = [fixture('missions_locales-excel.csv'), fixture('evaluations.parquet')];
export const ML_ONLY = [fixture('missions_locales-excel.csv')];

export const picker = (page: Page) => page.getByLabel('Choisir des fichiers CSV ou Parquet');
export const importButton = (page: Page) =>
	page.getByRole('button', { name: 'Importer comme nouveau jeu de données' });
export const tableCount = (page: Page, table: string) => page.locator(`td[data-table="${table}"]`);
export const fault = (page: Page, kind: string) => page.locator(`[data-fault="${kind}"]`);
export const heatmap = (page: Page) => page.getByRole('figure', { name: /^Maturité par critère/ });
export const failed = (page: Page) =>
	page.getByRole('alert').filter({ hasText: 'Le contrôle ou l’import a échoué' });
export const KEPT = 'Données conservées dans ce navigateur';
export const STALE = /un autre onglet a changé les données de ce navigateur/;
// Imports on a busy 2-core machine shared by several test runs: generous, never fixed, waits.
export const IMPORT_MS = 150_000;
export const FAULT_TIMEOUT = 360_000;

export async function check(page: Page, files: string[]) {
	await picker(page).setInputFiles(files);
	await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible({
		timeout: IMPORT_MS
	});
}

export async function importKept(page: Page, files: string[]) {
	await gotoHydrated(page, '/donnees');
	await check(page, files);
	await importButton(page).click();
	await expect(page.getByText(KEPT)).toBeVisible({ timeout: IMPORT_MS });
}

/** Milliseconds from `start` until the fault notice `kind` shows `text`. */
export async function timeUntil(page: Page, kind: string, text: RegExp, start: number): Promise<number> {
	await expect(fault(page, kind)).toContainText(text, { timeout: 30_000 });
	return Date.now() - start;
}

/**
 * The console's engine started, then busy with a long query (the console polls it, so the worker's
 * own tasks still run between polls): returns DuckDB-WASM's worker, to break it.
 */
export async function engineBusy(page: Page): Promise<Worker> {
	await gotoHydrated(page, '/requetes');
	// A first query starts the engine (whether a page starts it at once or on need).
	await page.getByLabel('Requête SQL').fill('SELECT 42 AS reponse');
	await page.getByRole('button', { name: 'Exécuter' }).click();
	await expect(page.getByText('Moteur de calcul prêt')).toBeVisible({ timeout: 120_000 });
	await expect(page.getByRole('button', { name: 'Exécuter' })).toBeEnabled({ timeout: 60_000 });
	const engine = page.workers().find((w) => w.url().includes('engineWorker'));
	expect(engine, 'DuckDB-WASM’s worker').toBeDefined();
	await page.getByLabel('Requête SQL').fill('SELECT count(*) FROM range(100000000000) WHERE range % 7 = 3');
	await page.getByRole('button', { name: 'Exécuter' }).click();
	await expect(page.getByRole('button', { name: 'Exécuter' })).toBeDisabled();
	return engine!;
}
