import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { CASES } from './fixtures/bad/corpus';
import { gotoHydrated } from './a11y';

/** A file of the corpus, made in memory (the large ones are never committed). */
const file = (name: string) => {
	const c = CASES.find((x) => x.name === name)!;
	return { name, mimeType: 'text/csv', buffer: Buffer.from(c.bytes()) };
};
const picker = (page: Page) => page.getByLabel('Choisir des fichiers CSV ou Parquet');
const fileRow = (page: Page, name: string) =>
	page.getByRole('table', { name: 'Fichiers du lot' }).getByRole('row', { name: new RegExp(`^${name}`) });
const cases = (page: Page, rule: string) => page.getByRole('table', { name: `Cas de la règle ${rule}` });

async function check(page: Page, names: string[]) {
	await picker(page).setInputFiles(names.map(file));
	await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible();
}

test('answers a 1 MB line without a line break at once, naming the limit', async ({ page }) => {
	await gotoHydrated(page, '/donnees');
	await check(page, ['ligne-1mo-sans-saut.csv']);
	await expect(cases(page, 'fichier-illisible')).toContainText(/au-delà de la limite de 1\s000/);
	// Nothing is said about a missing missions_locales file: nothing could be imported anyway.
	await expect(page.getByText('Ce lot ne contient pas de fichier')).toHaveCount(0);
});

test('shows the lines an unclosed quote would swallow, without opening anything, and reads the rest', async ({
	page
}) => {
	await gotoHydrated(page, '/donnees');
	await check(page, ['guillemet-non-ferme.csv']);
	// The first rule's cases are visible without a click.
	await expect(cases(page, 'ligne-mal-formee')).toBeVisible();
	await expect(cases(page, 'ligne-mal-formee')).toContainText(
		/guillemet ouvert ligne 3 et jamais fermé\s: lignes 3 à 61/
	);
	await expect(fileRow(page, 'guillemet-non-ferme\\.csv').getByRole('cell').nth(1)).toHaveText('60');
});

test('diagnoses UTF-16, a truncated Parquet and mixed encodings, and says what to do', async ({ page }) => {
	await gotoHydrated(page, '/donnees');
	await picker(page).setInputFiles([
		file('utf16-bom.csv'),
		{ ...file('evaluations-tronque.parquet'), mimeType: 'application/octet-stream' },
		file('encodages-melanges.csv')
	]);
	await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible();
	const refused = fileRow(page, 'utf16-bom\\.csv');
	await expect(refused).toContainText('réenregistrez-le en UTF-8');
	await expect(fileRow(page, 'evaluations-tronque\\.parquet')).toContainText('Parquet tronqué');
	await page.locator('[data-rule="encodage-mixte"] summary').click();
	await expect(cases(page, 'encodage-mixte')).toContainText('mêle UTF-8 et Windows-1252');
	// Each line is read in its own encoding: no « BesanÃ§on ».
	await expect(page.getByText('BesanÃ§on')).toHaveCount(0);
});
