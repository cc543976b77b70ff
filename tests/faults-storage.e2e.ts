import { expect, test } from './fixture';
import { gotoHydrated } from './a11y';
import { navigate } from './navigation';
import {
	check,
	fault,
	FAULT_TIMEOUT,
	GOOD,
	heatmap,
	IMPORT_MS,
	importButton,
	importKept,
	tableCount
} from './faults';

// Issue 13.8: IndexedDB missing, full, damaged or blocked by another tab (scripts run before the page).

test.describe.configure({ timeout: FAULT_TIMEOUT });

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
			await navigate(page, 'Vue nationale');
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
