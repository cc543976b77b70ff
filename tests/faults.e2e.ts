import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { gotoHydrated } from './a11y';

// Issue 13.8: what each fault gets. The engine, the import worker and IndexedDB are broken on purpose
// (aborted requests, scripts run before the page); two pages of one context are two tabs.

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/import/${name}`, import.meta.url));
const GOOD = [fixture('missions_locales-excel.csv'), fixture('evaluations.parquet')];
const ML_ONLY = [fixture('missions_locales-excel.csv')];

const picker = (page: Page) => page.getByLabel('Choisir des fichiers CSV ou Parquet');
const importButton = (page: Page) =>
	page.getByRole('button', { name: 'Importer comme nouveau jeu de données' });
const tableCount = (page: Page, table: string) => page.locator(`td[data-table="${table}"]`);
const fault = (page: Page, kind: string) => page.locator(`[data-fault="${kind}"]`);
const heatmap = (page: Page) => page.getByRole('figure', { name: /^Maturité par critère/ });
const KEPT = 'Données conservées dans ce navigateur';
// Imports on a busy 2-core machine shared by several test runs: generous, never fixed, waits.
const IMPORT_MS = 150_000;
test.describe.configure({ timeout: 360_000 });
const STALE = /un autre onglet a changé les données de ce navigateur/;

async function check(page: Page, files: string[]) {
	await picker(page).setInputFiles(files);
	await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible({
		timeout: IMPORT_MS
	});
}

async function importKept(page: Page, files: string[]) {
	await gotoHydrated(page, '/donnees');
	await check(page, files);
	await importButton(page).click();
	await expect(page.getByText(KEPT)).toBeVisible({ timeout: IMPORT_MS });
}

/** Milliseconds until `locator` shows `text`. */
async function timeUntil(page: Page, kind: string, text: RegExp, start: number): Promise<number> {
	await expect(fault(page, kind)).toContainText(text, { timeout: 30_000 });
	return Date.now() - start;
}

test.describe('the engine or a worker cannot load', () => {
	for (const [what, pattern] of [
		['its wasm', '**/duckdb-eh*.wasm'],
		['its worker', '**/duckdb-browser-eh.worker*.js']
	] as const)
		test(`DuckDB-WASM without ${what}: a French message within seconds, the pages still read`, async ({
			page
		}) => {
			await page.route(pattern, (route) => route.abort());
			const start = Date.now();
			await gotoHydrated(page, '/donnees');
			const ms = await timeUntil(page, 'engine', /Le moteur de calcul \(DuckDB\) n’a pas pu démarrer/, start);
			expect(ms).toBeLessThan(30_000);
			await expect(fault(page, 'engine')).toContainText(/sont indisponibles\s: l’import de fichiers/);
			await expect(page.getByText('Moteur de calcul indisponible')).toBeVisible();
			await expect(fault(page, 'import')).toContainText('L’import est indisponible dans ce navigateur');
			// A later request fails at once instead of waiting.
			await picker(page).setInputFiles(GOOD);
			await expect(page.getByText(/Le contrôle ou l’import a échoué/)).toBeVisible({ timeout: 5_000 });
			// The prerendered pages still read, their charts drawn.
			await page.getByRole('link', { name: 'Vue nationale' }).click();
			await expect(heatmap(page).locator('svg').first()).toBeVisible();
			await expect(page.getByTestId('data-date')).toContainText('Données de démonstration fictives');
			await expect(fault(page, 'engine')).toBeVisible();
		});

	test('DuckDB-WASM’s worker crashes after its start: the query under way and later ones fail in French, the page says what is unavailable', async ({
		page
	}) => {
		await gotoHydrated(page, '/requetes');
		// A first query starts the engine (whether a page starts it at once or on need).
		await page.getByLabel('Requête SQL').fill('SELECT 42 AS reponse');
		await page.getByRole('button', { name: 'Exécuter' }).click();
		await expect(page.getByText('Moteur de calcul prêt')).toBeVisible({ timeout: 120_000 });
		await expect(page.getByRole('button', { name: 'Exécuter' })).toBeEnabled({ timeout: 60_000 });
		const engine = page.workers().find((w) => w.url().includes('engineWorker'));
		expect(engine, 'DuckDB-WASM’s worker').toBeDefined();
		// A query under way (the console polls it, so the worker's own tasks still run between polls).
		await page.getByLabel('Requête SQL').fill('SELECT count(*) FROM range(100000000000) WHERE range % 7 = 3');
		await page.getByRole('button', { name: 'Exécuter' }).click();
		await expect(page.getByRole('button', { name: 'Exécuter' })).toBeDisabled();
		// The crash: an exception nothing in the worker catches (DuckDB-WASM then forgets its requests).
		const start = Date.now();
		await engine!.evaluate(() => {
			setTimeout(() => {
				throw new Error('panne simulée');
			});
		});
		const ms = await timeUntil(page, 'engine', /s’est arrêté après son démarrage \(.*panne simulée/, start);
		expect(ms).toBeLessThan(10_000);
		await expect(fault(page, 'engine')).toContainText(/sont indisponibles\s: l’import de fichiers/);
		await expect(page.getByText('Moteur de calcul indisponible')).toBeVisible();
		const alert = page.getByRole('alert').filter({ hasText: 'le moteur de calcul s’est arrêté' });
		await expect(alert).toBeVisible({ timeout: 5_000 });
		// A later request fails at once, here and on the import page.
		await page.getByLabel('Requête SQL').fill('SELECT 42 AS reponse');
		await page.getByRole('button', { name: 'Exécuter' }).click();
		await expect(alert).toBeVisible({ timeout: 5_000 });
		await page.getByRole('link', { name: 'Données', exact: true }).click();
		await picker(page).setInputFiles(GOOD);
		await expect(
			page.getByRole('alert').filter({ hasText: 'Le contrôle ou l’import a échoué' })
		).toContainText('le moteur de calcul s’est arrêté', { timeout: 10_000 });
		await expect(fault(page, 'engine')).toBeVisible();
	});

	test('DuckDB-WASM’s worker ended by the browser without an error event: the query under way and later ones fail in French', async ({
		page
	}) => {
		await gotoHydrated(page, '/requetes');
		await page.getByLabel('Requête SQL').fill('SELECT 42 AS reponse');
		await page.getByRole('button', { name: 'Exécuter' }).click();
		await expect(page.getByText('Moteur de calcul prêt')).toBeVisible({ timeout: 120_000 });
		await expect(page.getByRole('button', { name: 'Exécuter' })).toBeEnabled({ timeout: 60_000 });
		const engine = page.workers().find((w) => w.url().includes('engineWorker'));
		expect(engine, 'DuckDB-WASM’s worker').toBeDefined();
		await page.getByLabel('Requête SQL').fill('SELECT count(*) FROM range(100000000000) WHERE range % 7 = 3');
		await page.getByRole('button', { name: 'Exécuter' }).click();
		await expect(page.getByRole('button', { name: 'Exécuter' })).toBeDisabled();
		// The worker ends as the browser ends it for lack of memory: no `error` event, no answer.
		const start = Date.now();
		await engine!.evaluate(() => setTimeout(() => self.close())).catch(() => {});
		const ms = await timeUntil(page, 'engine', /s’est arrêté après son démarrage \(.*sans prévenir/, start);
		expect(ms).toBeLessThan(10_000);
		const alert = page.getByRole('alert').filter({ hasText: 'le moteur de calcul s’est arrêté' });
		await expect(alert).toBeVisible({ timeout: 5_000 });
		await expect(page.getByRole('button', { name: 'Exécuter' })).toBeEnabled();
		// A later request fails at once.
		await page.getByLabel('Requête SQL').fill('SELECT 43 AS reponse');
		await page.getByRole('button', { name: 'Exécuter' }).click();
		await expect(alert).toBeVisible({ timeout: 5_000 });
	});

	test('the import worker ended by the browser without an error event: a pick fails in French instead of waiting', async ({
		page
	}) => {
		await gotoHydrated(page, '/donnees');
		await expect.poll(() => page.workers().some((w) => w.url().includes('/workers/worker-'))).toBe(true);
		const worker = page.workers().find((w) => w.url().includes('/workers/worker-'))!;
		// Started (it holds its lifeline lock, taken on its first message), then ended without an
		// `error` event. Ended before it took that lock, it would be a worker that never started.
		await expect
			.poll(() =>
				page.evaluate(async () =>
					((await navigator.locks.query()).held ?? []).some((l) => l.name?.startsWith('observatoire-import-'))
				)
			)
			.toBe(true);
		await worker.evaluate(() => setTimeout(() => self.close())).catch(() => {});
		await picker(page).setInputFiles(GOOD);
		await expect(
			page.getByRole('alert').filter({ hasText: 'Le contrôle ou l’import a échoué' })
		).toContainText(
			'le module d’import s’est arrêté\u202f: le navigateur a arrêté son worker sans prévenir',
			{
				timeout: 30_000
			}
		);
	});

	test('a browser without WebAssembly: the engine says so at once, the pages still read', async ({
		page
	}) => {
		await page.addInitScript(() => Reflect.deleteProperty(window, 'WebAssembly'));
		await gotoHydrated(page, '/donnees');
		await expect(fault(page, 'engine')).toContainText('ce navigateur n’exécute pas WebAssembly');
		await page.getByRole('link', { name: 'Vue nationale' }).click();
		await expect(heatmap(page).locator('svg').first()).toBeVisible();
	});

	test('the import worker cannot load: the Données page says so, and a pick fails at once', async ({
		page
	}) => {
		await page.route('**/workers/worker-*.js', (route) => route.abort());
		const start = Date.now();
		await gotoHydrated(page, '/donnees');
		const ms = await timeUntil(page, 'import', /le module d’import n’a pas pu démarrer/, start);
		expect(ms).toBeLessThan(30_000);
		await picker(page).setInputFiles(GOOD);
		await expect(
			page.getByRole('alert').filter({ hasText: 'Le contrôle ou l’import a échoué' })
		).toContainText('le module d’import n’a pas pu démarrer', { timeout: 5_000 });
		await expect(page.getByText('Moteur de calcul prêt')).toBeVisible();
	});
});

test.describe('the browser’s time limit', () => {
	test('a check past the limit is stopped in French, the limit named, nothing changed; the next batch runs', async ({
		page
	}) => {
		// The limit lowered for the test (a page may lower it, never raise it): 0.2 s, far below any check.
		await page.addInitScript(() => Object.assign(window, { observatoireImportSeconds: 0.2 }));
		await gotoHydrated(page, '/donnees');
		await picker(page).setInputFiles(GOOD);
		await expect(
			page.getByRole('alert').filter({ hasText: 'Le contrôle ou l’import a échoué' })
		).toContainText('Le contrôle a dépassé la limite de 0,2\u202fs\u202f: découpez les fichiers', {
			timeout: 120_000
		});
		await expect(importButton(page)).toHaveCount(0);
		await expect(page.locator('.badge').getByText('Données de démonstration fictives')).toBeVisible();
		// Back to the stated limit: a new import worker checks the same batch, the stopped one's staging gone.
		await page.evaluate(() => Object.assign(window, { observatoireImportSeconds: undefined }));
		await check(page, GOOD);
		await importButton(page).click();
		await expect(page.getByText(KEPT)).toBeVisible({ timeout: IMPORT_MS });
		await expect(tableCount(page, 'evaluations')).toHaveText('96');
	});
});

test.describe('the commit’s time limit', () => {
	test('an import past the limit is abandoned in French: the dataset before stays whole, and the next import runs', async ({
		page
	}) => {
		await gotoHydrated(page, '/donnees');
		await check(page, GOOD);
		// The limit lowered once the check is done (a page may lower it, never raise it): 0.01 s, far
		// below any commit, which is then abandoned wherever it stands.
		await page.evaluate(() => Object.assign(window, { observatoireImportSeconds: 0.01 }));
		await importButton(page).click();
		await expect(
			page.getByRole('alert').filter({ hasText: 'Le contrôle ou l’import a échoué' })
		).toContainText(
			'L’import a dépassé la limite de 0,01\u202fs\u202f: il a été abandonné, vos données d’avant restent actives, entières.',
			{ timeout: IMPORT_MS }
		);
		await expect(page.locator('.badge').getByText('Données de démonstration fictives')).toBeVisible();
		await expect(page.getByText(KEPT)).toHaveCount(0);
		// The engine holds no half transaction: the same batch, checked again, imports whole.
		await page.evaluate(() => Object.assign(window, { observatoireImportSeconds: undefined }));
		await check(page, GOOD);
		await importButton(page).click();
		await expect(page.getByText(KEPT)).toBeVisible({ timeout: IMPORT_MS });
		await expect(tableCount(page, 'evaluations')).toHaveText('96');
		await expect(tableCount(page, 'missions_locales')).toHaveText('4');
	});
});

test.describe('IndexedDB', () => {
	test('without IndexedDB, the page says the data will not be kept', async ({ page }) => {
		await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
		await gotoHydrated(page, '/donnees');
		await check(page, GOOD);
		await importButton(page).click();
		await expect(page.getByText('Vos données sont actives.')).toBeVisible({ timeout: IMPORT_MS });
		await expect(page.locator('main')).toContainText(
			/Ce\s+navigateur\s+ne\s+conserve\s+pas\s+de\s+données\s+\(IndexedDB\s+indisponible\)/
		);
		await expect(page.locator('main')).toContainText(
			/Ce\s+navigateur\s+ne\s+permet\s+pas\s+de\s+les\s+conserver/
		);
		await expect(page.getByText(/seront là à votre prochaine visite/)).toHaveCount(0);
		await expect(tableCount(page, 'evaluations')).toHaveText('96');
	});

	test('a full storage: a French message, and the imported data stay active for the visit', async ({
		page
	}) => {
		await page.addInitScript(() => {
			const put = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
				if (this.name !== 'dataset-importe' || key !== 'courant') return put.call(this, value, key);
				const tx = this.transaction;
				const quota = new DOMException('quota', 'QuotaExceededError');
				Object.defineProperty(tx, 'error', { get: () => quota });
				tx.abort();
				return {} as IDBRequest<IDBValidKey>;
			};
		});
		await gotoHydrated(page, '/donnees');
		await check(page, GOOD);
		await importButton(page).click();
		await expect(page.getByText('Vos données sont actives.')).toBeVisible({ timeout: IMPORT_MS });
		await expect(page.getByText(/espace de stockage du\s+navigateur\s+insuffisant/)).toBeVisible();
		await expect(tableCount(page, 'evaluations')).toHaveText('96');
		// Nothing half-kept: a reload finds the demo, whole.
		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
		await expect(page.locator('.badge').getByText('Données de démonstration fictives')).toBeVisible();
		await expect(tableCount(page, 'evaluations')).not.toHaveText('96');
	});

	for (const [what, damage, message] of [
		['a corrupted record', 'corrupt', /abîmé et ne peut pas être relu/],
		['swapped tables', 'swap', /la table evaluations conservée ne correspond pas au contrat de données/]
	] as const)
		test(`${what}: a French message on every page, and the demo instead`, async ({ page }) => {
			await importKept(page, GOOD);
			await page.evaluate(
				(damage) =>
					new Promise<void>((resolve, reject) => {
						const open = indexedDB.open('observatoire', 1);
						open.onsuccess = () => {
							const tx = open.result.transaction('dataset-importe', 'readwrite');
							const store = tx.objectStore('dataset-importe');
							if (damage === 'corrupt') store.put({ manifest: 'abîmé', tables: 42 }, 'courant');
							else
								store.get('courant').onsuccess = (event) => {
									const kept = (event.target as IDBRequest).result;
									kept.tables.evaluations = kept.tables.missions_locales;
									store.put(kept, 'courant');
								};
							tx.oncomplete = () => (open.result.close(), resolve());
							tx.onerror = () => reject(tx.error);
						};
					}),
				damage
			);
			await gotoHydrated(page, '/donnees');
			await expect(fault(page, 'restore')).toContainText(message);
			await expect(fault(page, 'restore')).toContainText('les données de démonstration sont affichées');
			await expect(page.locator('.badge').getByText('Données de démonstration fictives')).toBeVisible();
			await page.getByRole('link', { name: 'Vue nationale' }).click();
			await expect(fault(page, 'restore')).toContainText(message);
			await expect(heatmap(page).locator('[data-ready]')).toHaveAttribute('data-ready', /@demo-/);
			await expect(page.locator('body')).not.toContainText('Binder Error');
		});

	test('a damaged record met on a page that reads only the cube: the engine starts, and the demo shows with why', async ({
		page
	}) => {
		await importKept(page, GOOD);
		await page.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('observatoire', 1);
					open.onsuccess = () => {
						const tx = open.result.transaction('dataset-importe', 'readwrite');
						tx.objectStore('dataset-importe').put({ manifest: 'abîmé', tables: 42 }, 'courant');
						tx.oncomplete = () => (open.result.close(), resolve());
						tx.onerror = () => reject(tx.error);
					};
				})
		);
		// The page reads the imported data's kept cube, checks the record behind it, and finds it damaged.
		await gotoHydrated(page, '/');
		await expect(fault(page, 'restore')).toContainText(/abîmé et ne peut pas être relu/);
		await expect(heatmap(page).locator('[data-ready]')).toHaveAttribute('data-ready', /@demo-/);
		await expect(page.locator('.badge').getByText('Données de démonstration fictives')).toBeVisible();
	});

	test('blocked by another tab’s version change: restore gives up in French, the demo shows', async ({
		page,
		context
	}) => {
		await importKept(page, GOOD);
		// This tab holds the database open and asks for a newer version: every later open waits.
		await page.evaluate(() => {
			const first = indexedDB.open('observatoire', 1);
			first.onsuccess = () => {
				(window as unknown as { held: IDBDatabase }).held = first.result;
				indexedDB.open('observatoire', 2);
			};
		});
		const tab = await context.newPage();
		await gotoHydrated(tab, '/donnees');
		await expect(fault(tab, 'restore')).toContainText(/le stockage du navigateur ne répond pas/, {
			timeout: 40_000
		});
		await expect(tab.locator('.badge').getByText('Données de démonstration fictives')).toBeVisible();
		await expect(tab.getByText('Moteur de calcul prêt')).toBeVisible();
	});
});

test.describe('two tabs', () => {
	test('a tab sees another’s import, and cannot overwrite it without saying so', async ({
		page,
		context
	}) => {
		const other = await context.newPage();
		await gotoHydrated(page, '/donnees');
		await importKept(other, GOOD);
		await expect(fault(page, 'other-tab')).toContainText('ont changé dans un autre onglet');
		// The stale tab tries to import its own batch: refused, nothing overwritten.
		await check(page, ML_ONLY);
		await importButton(page).click();
		await expect(page.getByRole('alert').filter({ hasText: STALE })).toBeVisible({ timeout: IMPORT_MS });
		await other.reload();
		await expect(tableCount(other, 'evaluations')).toHaveText('96');
		// « Afficher les données à jour » reloads the stale tab on the newer dataset.
		await page.getByRole('button', { name: 'Afficher les données à jour' }).click();
		await expect(tableCount(page, 'evaluations')).toHaveText('96');
		await expect(fault(page, 'other-tab')).toHaveCount(0);
	});

	test('two tabs importing at once end with one consistent dataset', async ({ page, context }) => {
		const other = await context.newPage();
		await gotoHydrated(page, '/donnees');
		await gotoHydrated(other, '/donnees');
		await check(page, GOOD);
		await check(other, ML_ONLY);
		await Promise.all([importButton(page).click(), importButton(other).click()]);
		const outcome = async (p: Page) => {
			const kept = p.getByText(KEPT);
			const refused = p.getByText(STALE);
			await expect(kept.or(refused).first()).toBeVisible({ timeout: IMPORT_MS });
			return (await kept.count()) > 0 ? 'kept' : 'refused';
		};
		const outcomes = [await outcome(page), await outcome(other)];
		expect([...outcomes].sort()).toEqual(['kept', 'refused']);
		// Whichever won, both tabs find its dataset after a reload.
		const evaluations = outcomes[0] === 'kept' ? '96' : '0';
		// A reload restores the kept dataset in a new engine, two tabs at once: as slow as an import here.
		for (const p of [page, other]) {
			await p.reload();
			await expect(tableCount(p, 'evaluations')).toHaveText(evaluations, { timeout: IMPORT_MS });
		}
	});
});

test('a reload during the commit finds the old dataset or the new one, never a mix', async ({ page }) => {
	for (const when of ['at once', 'while saving'] as const) {
		await gotoHydrated(page, '/donnees');
		// From the demo, nothing kept (the page's own connection closes on the version change).
		await page.evaluate(
			() =>
				new Promise((resolve) => {
					localStorage.clear();
					indexedDB.deleteDatabase('observatoire').onsuccess = resolve;
				})
		);
		await gotoHydrated(page, '/donnees');
		await check(page, GOOD);
		await importButton(page).click();
		// The save can be too quick to see: then the reload comes right after it.
		if (when === 'while saving')
			await page
				.getByText('Enregistrement dans ce navigateur…')
				.or(page.getByText(KEPT))
				.first()
				.waitFor({ timeout: IMPORT_MS });
		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
		// The page hydrates before the engine restores (its badge and counts say what the marker
		// announced meanwhile): which dataset was found is known once the engine is ready.
		await expect(page.getByText('Moteur de calcul prêt')).toBeVisible({ timeout: IMPORT_MS });
		const evaluations = tableCount(page, 'evaluations');
		await expect(evaluations).toHaveText(/\d/, { timeout: IMPORT_MS });
		const imported = await page.locator('.badge').getAttribute('data-dataset-kind');
		// Whichever it is, the engine's tables, the badge and the views agree.
		if (imported === 'imported') {
			await expect(evaluations).toHaveText('96');
			await expect(tableCount(page, 'missions_locales')).toHaveText('4');
		} else {
			await expect(evaluations).not.toHaveText('96');
			await expect(page.locator('.badge').getByText('Données de démonstration fictives')).toBeVisible();
		}
		await page.getByRole('link', { name: 'Vue nationale' }).click();
		await expect(heatmap(page).locator('[data-ready]')).toHaveAttribute(
			'data-ready',
			imported === 'imported' ? /@imported-/ : /@demo-/
		);
	}
});
