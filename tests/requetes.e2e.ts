import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectNoSeriousViolations, gotoHydrated } from './a11y';
import { navigate } from './navigation';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/import/${name}`, import.meta.url));

const editor = (page: Page) => page.getByLabel('Requête SQL');
const result = (page: Page) => page.getByRole('region', { name: 'Résultat de la requête' });

/** Writes a query in the console and runs it. */
async function run(page: Page, sql: string) {
	await editor(page).fill(sql);
	await page.getByRole('button', { name: 'Exécuter' }).click();
}

/** Text of the next download, once the button is clicked. */
async function downloaded(page: Page, name: string): Promise<{ filename: string; bytes: Buffer }> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name }).click()
	]);
	return { filename: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test.describe('analysts’ console', () => {
	test('refuses, in French, every statement that is not a single read', async ({ page }) => {
		const offOrigin: string[] = [];
		page.on('request', (r) => {
			if (!r.url().startsWith('http://localhost')) offOrigin.push(r.url());
		});
		await gotoHydrated(page, '/requetes');
		const refusals: [string, string][] = [
			["ATTACH 'https://example.com/autre.duckdb' AS autre", 'Refusé : ATTACH ouvrirait une autre base'],
			["COPY evaluations TO 'sortie.csv'", 'Refusé : COPY lirait ou écrirait un fichier'],
			['INSTALL httpfs', 'Refusé : INSTALL installerait une extension'],
			['LOAD httpfs', 'Refusé : LOAD chargerait une extension'],
			['SET enable_external_access = true', 'Refusé : SET changerait la configuration du moteur'],
			['PRAGMA threads = 4', 'Refusé : PRAGMA changerait la configuration du moteur'],
			['DROP TABLE evaluations', 'Refusé : DROP modifierait les données'],
			['SELECT 1; DELETE FROM evaluations', 'Une seule requête à la fois.'],
			// A SELECT that reaches out is refused by the locked engine itself.
			["SELECT * FROM read_csv('https://example.com/x.csv')", 'Accès refusé'],
			['SELECT * FROM evaluation', 'La table « evaluation » n’existe pas.'],
			['SELECT niveaux FROM evaluations', 'La colonne « niveaux » n’existe pas'],
			['SELECT * FROM evaluations WHERE AND niveau = 1', 'Erreur de syntaxe près de « AND »']
		];
		for (const [sql, message] of refusals) {
			await run(page, sql);
			await expect(page.getByRole('alert')).toContainText(message);
		}
		// Nothing was written, and the engine stays locked.
		await run(
			page,
			"SELECT count(*) AS n, current_setting('enable_external_access') AS acces_externe, current_setting('lock_configuration') AS verrou FROM evaluations"
		);
		await expect(result(page).getByRole('row').nth(1)).toHaveText(
			/^\s*\d{1,3}(?:\s\d{3})+\s*false\s*true\s*$/
		);
		expect(offOrigin).toEqual([]);
	});

	test('runs a worked example, keeps it in the URL, and a shared link reopens it without running it', async ({
		page
	}) => {
		await gotoHydrated(page, '/requetes');
		await expect(page.getByRole('heading', { name: 'Tables du jeu actif' })).toBeVisible();
		await expect(page.getByText('evaluations', { exact: true })).toBeVisible();
		await page.getByRole('button', { name: /critères sont les plus faibles/ }).click();
		await expect(editor(page)).toHaveValue(/pct_sous_seuil/);
		await page.getByRole('button', { name: 'Exécuter' }).click();
		await expect(result(page).getByRole('row')).toHaveCount(11);
		await expect(result(page).getByRole('columnheader').first()).toContainText('critere_id');
		await expect(page.getByText('10 lignes.')).toBeVisible();
		await expect(page).toHaveURL(/\?sql=.*pct_sous_seuil/);
		const shared = page.url();

		await page.goto(shared);
		await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
		await expect(editor(page)).toHaveValue(/pct_sous_seuil/);
		await expect(page.getByText('Requête reçue par un lien')).toBeVisible();
		await expect(result(page)).toHaveCount(0);
		await page.getByRole('button', { name: 'Exécuter' }).click();
		await expect(result(page).getByRole('row')).toHaveCount(11);
		await expectNoSeriousViolations(page);
	});

	test('exports the result as CSV (formulas neutralised, header too) and as Parquet', async ({ page }) => {
		await gotoHydrated(page, '/requetes');
		await run(page, `SELECT '=1+1' AS "=formule", 2.5 AS valeur`);
		await expect(result(page).getByRole('row')).toHaveCount(2);
		const csv = await downloaded(page, 'Télécharger le résultat (CSV)');
		expect(csv.filename).toBe('requete.csv');
		expect(
			csv.bytes
				.toString('utf8')
				.replace(/^\ufeff/, '')
				.split('\r\n')
		).toEqual(["'=formule;valeur", "'=1+1;2,5"]);
		const parquet = await downloaded(page, 'Télécharger le résultat (Parquet)');
		expect(parquet.filename).toBe('requete.parquet');
		expect(parquet.bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
	});

	test('interrupts a query that runs past the time limit', async ({ page }) => {
		await gotoHydrated(page, '/requetes');
		await run(page, 'SELECT count(*) FROM range(100000000000) WHERE range % 7 = 3');
		await expect(page.getByRole('alert')).toContainText('Requête interrompue', { timeout: 60_000 });
		// The engine answers again at once.
		await run(page, 'SELECT 42 AS reponse');
		await expect(result(page)).toContainText('42');
	});

	test('sees two imports in a row on the locked engine', async ({ page }) => {
		const report = page.getByRole('heading', { name: 'Rapport de contrôle' });
		const picker = page.getByLabel('Choisir des fichiers CSV ou Parquet');
		await gotoHydrated(page, '/donnees');
		await picker.setInputFiles([fixture('missions_locales-excel.csv'), fixture('evaluations.parquet')]);
		await expect(report).toBeVisible({ timeout: 90_000 });
		await page.getByRole('button', { name: 'Importer comme nouveau jeu de données' }).click();
		await expect(page.getByText('Vos données sont actives.')).toBeVisible();
		// The second one reads a CSV: DuckDB opens a registered file after the engine was locked.
		await page.getByLabel(/ajouter au jeu importé/i).check();
		await picker.setInputFiles([fixture('evaluations-correctif.csv')]);
		await expect(report).toBeVisible({ timeout: 90_000 });
		await page.getByRole('button', { name: 'Ajouter au jeu importé' }).click();
		await expect(page.getByText('Vos données sont actives.')).toBeVisible();

		await navigate(page, 'Requêtes');
		await run(
			page,
			"SELECT count(*) AS n, current_setting('enable_external_access') AS acces FROM evaluations"
		);
		await expect(result(page).getByRole('row').nth(1)).toHaveText(/^\s*97\s*false\s*$/);
	});
});
