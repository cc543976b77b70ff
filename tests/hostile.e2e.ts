import { expect, test } from './fixture';
import { fileURLToPath } from 'node:url';
import { gotoHydrated } from './a11y';

// Script and HTML in an imported file's names and communes show as text everywhere they appear,
// and nothing in them ever runs.
const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
const SCRIPT_NAME = 'Mission Locale <script>window.__pwned=1</script>';
const IMG_COMMUNE = '<img src=x onerror="window.__pwned=2">';

test('names and communes holding HTML and script show as text, and never run', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		d.dismiss().catch(() => {});
	});
	const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);

	await gotoHydrated(page, '/donnees');
	await page
		.getByLabel('Choisir des fichiers CSV ou Parquet')
		.setInputFiles([fixture('hostile/missions_locales.csv'), fixture('import/evaluations.parquet')]);
	await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible({ timeout: 90_000 });
	await page.getByRole('button', { name: 'Importer comme nouveau jeu de données' }).click();
	await expect(page.getByText('Vos données sont actives.')).toBeVisible();

	// The ML search lists the name as typed.
	await page.getByLabel('Rechercher une Mission Locale').fill('script');
	await expect(
		page
			.getByRole('search', { name: 'Recherche d’une Mission Locale' })
			.getByRole('link', { name: SCRIPT_NAME })
	).toBeVisible();

	// The ML's profile: its name as the heading, its commune as text.
	await gotoHydrated(page, '/ml?id=ML-IMP-01');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(SCRIPT_NAME);
	await expect(page.getByText(IMG_COMMUNE).first()).toBeVisible();

	// The console shows them as cells.
	await gotoHydrated(page, '/requetes');
	await page.getByLabel('Requête SQL').fill('SELECT nom, commune FROM missions_locales ORDER BY ml_id');
	await page.getByRole('button', { name: 'Exécuter' }).click();
	const row = page.getByRole('region', { name: 'Résultat de la requête' }).getByRole('row').nth(1);
	await expect(row.getByRole('cell').first()).toHaveText(SCRIPT_NAME);
	await expect(row.getByRole('cell').nth(1)).toHaveText(IMG_COMMUNE);

	expect(await pwned()).toBeNull();
	expect(dialogs).toEqual([]);
	await expect(page.locator('main img[src="x"], main script')).toHaveCount(0);
});
