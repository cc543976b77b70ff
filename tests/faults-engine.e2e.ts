import { expect, test } from './fixture';
import { gotoHydrated } from './a11y';
import { navigate } from './navigation';
import {
	check,
	engineBusy,
	failed,
	fault,
	FAULT_TIMEOUT,
	GOOD,
	heatmap,
	IMPORT_MS,
	importButton,
	KEPT,
	picker,
	tableCount,
	timeUntil
} from './faults';

// Issue 13.8: the engine and the workers broken on purpose (aborted or replaced scripts, a worker
// ended from inside), and the browser's time limits on a check and a commit.

test.describe.configure({ timeout: FAULT_TIMEOUT });

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
			await navigate(page, 'Vue nationale');
			await expect(heatmap(page).locator('svg').first()).toBeVisible();
			await expect(page.getByTestId('data-date')).toContainText('Données de démonstration fictives');
			await expect(fault(page, 'engine')).toBeVisible();
		});

	test('DuckDB-WASM’s worker crashes after its start: the query under way and later ones fail in French, the page says what is unavailable', async ({
		page
	}) => {
		const engine = await engineBusy(page);
		// The crash: an exception nothing in the worker catches (DuckDB-WASM then forgets its requests).
		const start = Date.now();
		await engine.evaluate(() => {
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
		await navigate(page, 'Données');
		await picker(page).setInputFiles(GOOD);
		await expect(failed(page)).toContainText('le moteur de calcul s’est arrêté', { timeout: 10_000 });
		await expect(fault(page, 'engine')).toBeVisible();
	});

	test('DuckDB-WASM’s worker ended by the browser without an error event: the query under way and later ones fail in French', async ({
		page
	}) => {
		const engine = await engineBusy(page);
		// The worker ends as the browser ends it for lack of memory: no `error` event, no answer.
		const start = Date.now();
		await engine.evaluate(() => setTimeout(() => self.close())).catch(() => {});
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
		await expect.poll(() => page.workers().some((w) => w.url().includes('/workers/workerEntry-'))).toBe(true);
		const worker = page.workers().find((w) => w.url().includes('/workers/workerEntry-'))!;
		// Started (it holds its lifeline lock, taken first as its script runs), then ended without an
		// `error` event (ended before it took that lock, it never started: tested below).
		await expect
			.poll(() =>
				page.evaluate(async () =>
					((await navigator.locks.query()).held ?? []).some((l) => l.name?.startsWith('observatoire-import-'))
				)
			)
			.toBe(true);
		await worker.evaluate(() => setTimeout(() => self.close())).catch(() => {});
		await picker(page).setInputFiles(GOOD);
		await expect(failed(page)).toContainText(
			'le module d’import s’est arrêté\u202f: le navigateur a arrêté son worker sans prévenir',
			{
				timeout: 30_000
			}
		);
	});

	for (const [what, pattern, kind, message] of [
		['the import worker', '**/workers/workerEntry-*.js', 'import', /le module d’import n’a pas pu démarrer/],
		[
			'DuckDB-WASM’s worker',
			'**/workers/engineWorker-*.js',
			'engine',
			/Le moteur de calcul \(DuckDB\) n’a pas pu démarrer/
		]
	] as const)
		test(`${what} closed at once, before its first message and its lock: reported as not started within seconds`, async ({
			page
		}) => {
			// The worker's script ends it as it starts (as the browser may, out of memory): no `error`
			// event, no message, no lifeline lock ever taken.
			await page.route(pattern, (route) =>
				route.fulfill({ contentType: 'text/javascript', body: 'self.close();' })
			);
			const start = Date.now();
			await gotoHydrated(page, '/donnees');
			const ms = await timeUntil(page, kind, message, start);
			await expect(fault(page, kind)).toContainText(/son worker ne s’est pas lancé dans les 10\s?s/);
			expect(ms).toBeLessThan(25_000);
			// A pick fails at once instead of waiting forever.
			await picker(page).setInputFiles(GOOD);
			await expect(failed(page)).toContainText(/n’a pas pu démarrer|ne s’est pas lancé/, { timeout: 5_000 });
		});

	test('a browser without WebAssembly: the engine says so at once, the pages still read', async ({
		page
	}) => {
		await page.addInitScript(() => Reflect.deleteProperty(window, 'WebAssembly'));
		await gotoHydrated(page, '/donnees');
		await expect(fault(page, 'engine')).toContainText('ce navigateur n’exécute pas WebAssembly');
		await navigate(page, 'Vue nationale');
		await expect(heatmap(page).locator('svg').first()).toBeVisible();
	});

	test('the import worker cannot load: the Données page says so, and a pick fails at once', async ({
		page
	}) => {
		await page.route('**/workers/workerEntry-*.js', (route) => route.abort());
		const start = Date.now();
		await gotoHydrated(page, '/donnees');
		const ms = await timeUntil(page, 'import', /le module d’import n’a pas pu démarrer/, start);
		expect(ms).toBeLessThan(30_000);
		await picker(page).setInputFiles(GOOD);
		await expect(failed(page)).toContainText('le module d’import n’a pas pu démarrer', { timeout: 5_000 });
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
		await expect(failed(page)).toContainText(
			'Le contrôle a dépassé la limite de 0,2\u202fs\u202f: découpez les fichiers',
			{
				timeout: 120_000
			}
		);
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
		await expect(failed(page)).toContainText(
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

	test('an import whose COMMIT had run when the limit hit: the new dataset, whole, is active and kept, and the page says so', async ({
		page
	}) => {
		await gotoHydrated(page, '/donnees');
		await check(page, GOOD);
		// The import worker commits, then its answer is lost (as when the limit hits just after the
		// COMMIT): the page waits until its limit, here 30 s, far above this commit.
		const worker = page.workers().find((w) => w.url().includes('/workers/workerEntry-'));
		expect(worker, 'the import worker').toBeDefined();
		await worker!.evaluate(() => {
			// The worker's scope, typed without the `webworker` lib (as `worker.ts` does).
			const scope = self as unknown as { postMessage(message: unknown, transfer?: Transferable[]): void };
			const post = scope.postMessage.bind(scope);
			scope.postMessage = (message, transfer) => {
				if ((message as { type?: string } | null)?.type !== 'committed') post(message, transfer ?? []);
			};
		});
		await page.evaluate(() => Object.assign(window, { observatoireImportSeconds: 30 }));
		await importButton(page).click();
		await expect(fault(page, 'commit-window')).toContainText(
			'L’import a dépassé la limite de 30\u202fs, mais il s’était achevé\u202f: les nouvelles données, entières, sont actives.',
			{ timeout: IMPORT_MS }
		);
		await expect(page.getByText(KEPT)).toBeVisible({ timeout: IMPORT_MS });
		await expect(tableCount(page, 'evaluations')).toHaveText('96');
		await expect(tableCount(page, 'labellisation')).toHaveText('0');
		// Kept: a reload finds it.
		await page.reload();
		await expect(page.locator('.badge')).toHaveAttribute('data-dataset-kind', 'imported');
		await expect(tableCount(page, 'evaluations')).toHaveText('96', { timeout: IMPORT_MS });
		await expect(tableCount(page, 'missions_locales')).toHaveText('4');
	});
});
