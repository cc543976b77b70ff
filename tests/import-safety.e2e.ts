import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { fileURLToPath } from 'node:url';
import { CASES } from './fixtures/bad/corpus';
import { gotoHydrated } from './a11y';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/import/${name}`, import.meta.url));
const bad = (name: string) => fileURLToPath(new URL(`./fixtures/bad/${name}`, import.meta.url));
const GOOD = [fixture('missions_locales-excel.csv'), fixture('evaluations.parquet')];
/** The imported dataset each bad batch must leave as it is. */
const INTACT = { missions_locales: '4', evaluations: '96', labellisation: '0', chiffres_cles: '0' };

const picker = (page: Page) => page.getByLabel('Choisir des fichiers CSV ou Parquet');
const tableCount = (page: Page, table: string) => page.locator(`td[data-table="${table}"]`);
const importButton = (page: Page) =>
	page.getByRole('button', { name: /^(Importer comme nouveau jeu de données|Ajouter au jeu importé)$/ });
const confirmation = (page: Page) =>
	page.getByRole('group', { name: /Cette importation fera perdre des données/ });
const undoButton = (page: Page) => page.getByRole('button', { name: 'Annuler la dernière importation' });

async function expectIntact(page: Page) {
	for (const [table, n] of Object.entries(INTACT)) await expect(tableCount(page, table)).toHaveText(n);
	await expect(page.locator('.badge')).toHaveAttribute('data-dataset-kind', 'imported');
}

async function importGoodFiles(page: Page) {
	await gotoHydrated(page, '/donnees');
	await picker(page).setInputFiles(GOOD);
	await importButton(page).click();
	await expect(page.getByText('Données conservées dans ce navigateur')).toBeVisible();
	await expectIntact(page);
}

/** A batch: files on disk, or made in memory (the corpus's large files are never committed). */
type Batch = string[] | { name: string; mimeType: string; buffer: Buffer }[];

/** Picks a batch and waits for its report. */
async function check(page: Page, files: Batch) {
	await picker(page).setInputFiles(files);
	await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible();
}

/**
 * Clicks every enabled button the report offers for the batch: « Ne pas importer » keeps the data;
 * « Importer malgré tout » (named losses first) is undone by « Annuler la dernière importation »;
 * « Annuler » drops the batch. The imported dataset is intact after each.
 */
async function clickEverything(page: Page, files: Batch) {
	await check(page, files);
	const exclude = page.getByLabel(/Écarter les lignes en erreur/);
	if (await exclude.isVisible()) {
		await exclude.uncheck();
		await expect(importButton(page)).toBeDisabled();
		await exclude.check();
	}
	if (await importButton(page).isEnabled()) {
		await importButton(page).click();
		const outcome = page.getByText('Vos données sont actives.');
		await expect(confirmation(page).or(outcome)).toBeVisible();
		if (await outcome.isVisible()) {
			// Nothing shrinks (rows replaced by as many or more): imported at once, and undone as well.
			await undoButton(page).click();
			await expect(page.getByText('La dernière importation est annulée')).toBeVisible();
			await expectIntact(page);
			return;
		}
		// Never the default when it loses rows or leaves a file out: it says which first.
		await expect(confirmation(page)).toContainText(/→|refusé/);
		await expect(page.getByRole('button', { name: 'Ne pas importer' })).toBeFocused();
		await page.getByRole('button', { name: 'Ne pas importer' }).click();
		await expect(importButton(page)).toBeFocused();
		await expectIntact(page);
		await importButton(page).click();
		await page.getByRole('button', { name: 'Importer malgré tout' }).click();
		await expect(page.getByText('Vos données sont actives.')).toBeVisible();
		await undoButton(page).click();
		await expect(page.getByText('La dernière importation est annulée')).toBeVisible();
		await expectIntact(page);
		return;
	}
	await expect(importButton(page)).toHaveCSS('cursor', 'not-allowed');
	await page.getByRole('button', { name: 'Annuler', exact: true }).click();
	// The focus goes to the top of the import, not to the page's body.
	await expect(page.getByRole('heading', { name: 'Importer vos fichiers' })).toBeFocused();
	await expectIntact(page);
}

const BATCHES: [string, string[]][] = [
	...CASES.filter((c) => !c.large).map((c): [string, string[]] => [c.name, [bad(c.name)]]),
	['a valid missions_locales and a truncated Parquet', [GOOD[0], bad('evaluations-tronque.parquet')]],
	['a valid missions_locales and a broken CSV', [GOOD[0], bad('guillemets-desequilibres.csv')]],
	['a batch whose every row is refused', [bad('toutes-lignes-en-erreur.csv'), bad('table-inconnue.csv')]]
];

test('no bad batch loses the imported dataset, whatever is clicked', async ({ page }) => {
	test.setTimeout(600_000);
	await importGoodFiles(page);
	for (const [name, files] of BATCHES)
		await test.step(name, async () => {
			await clickEverything(page, files);
		});
	await gotoHydrated(page, '/donnees');
	await expectIntact(page);
});

test('no large bad file loses the imported dataset either, whatever is clicked', async ({ page }) => {
	test.setTimeout(600_000);
	await importGoodFiles(page);
	for (const c of CASES.filter((x) => x.large))
		await test.step(c.name, async () => {
			await clickEverything(page, [{ name: c.name, mimeType: 'text/csv', buffer: Buffer.from(c.bytes()) }]);
		});
	await gotoHydrated(page, '/donnees');
	await expectIntact(page);
});

test('a batch with nothing to import cannot be imported, and its disabled button looks so', async ({
	page
}) => {
	await importGoodFiles(page);
	await check(page, [bad('toutes-lignes-en-erreur.csv')]);
	await expect(page.getByText('Rien à importer')).toBeVisible();
	await expect(importButton(page)).toBeDisabled();
	await expect(importButton(page)).toHaveCSS('cursor', 'not-allowed');
	await expect(importButton(page)).toHaveCSS('opacity', '0.6');
});

test('names what an import would lose, and undoes it once, even after a reload', async ({ page }) => {
	await importGoodFiles(page);
	await check(page, [GOOD[0]]);
	await importButton(page).click();
	await expect(confirmation(page)).toContainText('evaluations : 96 lignes → 0');
	await page.getByRole('button', { name: 'Importer malgré tout' }).click();
	await expect(page.getByText('Données conservées dans ce navigateur')).toBeVisible();
	await expect(tableCount(page, 'evaluations')).toHaveText('0');

	await gotoHydrated(page, '/donnees');
	await expect(tableCount(page, 'evaluations')).toHaveText('0');
	await undoButton(page).click();
	await expectIntact(page);
	await expect(undoButton(page)).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Jeu de données actif' })).toBeFocused();

	// The undone dataset is the one kept: a reload finds it, and nothing more to undo.
	await gotoHydrated(page, '/donnees');
	await expectIntact(page);
	await expect(undoButton(page)).toHaveCount(0);
});

test('undoes a first import back to the demo', async ({ page }) => {
	await importGoodFiles(page);
	await undoButton(page).click();
	await expect(page.getByText('les données de démonstration sont rétablies')).toBeVisible();
	await expect(tableCount(page, 'missions_locales')).toHaveText('437');
	await gotoHydrated(page, '/donnees');
	await expect(page.locator('.badge')).toHaveAttribute('data-dataset-kind', 'demo');
});
