import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { fileURLToPath } from 'node:url';
import { gotoHydrated } from './a11y';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/data/${name}`, import.meta.url));
const fileRow = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(`^${name}`) });
const ruleCount = (page: Page, rule: string) => page.locator(`[data-rule="${rule}"] [data-count]`);
const planSection = (page: Page) =>
	page.getByRole('region', { name: 'Plan d’amélioration et constats d’audit' });

// Imports on a busy 2-core machine shared by several test runs (two at once timed out at 45 s): generous waits.
const IMPORT_MS = 150_000;
test.describe.configure({ timeout: 300_000 });

async function check(page: Page, files: string[]) {
	await gotoHydrated(page, '/donnees');
	await page.getByLabel('Choisir des fichiers CSV ou Parquet').setInputFiles(files);
	await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible({
		timeout: IMPORT_MS
	});
}

async function importNew(page: Page) {
	await page.getByRole('button', { name: 'Importer comme nouveau jeu de données' }).click();
	await expect(page.getByText('Vos données sont actives.')).toBeVisible({ timeout: IMPORT_MS });
	await expect(page.getByText('Données conservées dans ce navigateur')).toBeVisible({ timeout: IMPORT_MS });
}

test('the demo’s plans: overdue actions and weak criteria without action on an ARML page, an ML’s plan by criterion, criteria by actions on /criteres', async ({
	page
}) => {
	await gotoHydrated(page, '/arml/bretagne');
	const plans = page.getByRole('region', { name: 'Plans d’amélioration' });
	await expect(plans).toHaveAttribute('data-ready', /arml-overdue:bretagne/);
	await expect(plans.getByTestId('plans-summary')).toContainText(/Au 31 décembre 2025 .* actions? en retard/);
	const overdue = plans.getByTestId('overdue-table').locator('tbody tr');
	await expect(overdue.first()).toBeVisible();
	await expect(plans.getByTestId('uncovered-table').locator('tbody tr').first()).toBeVisible();

	// An overdue action leads to its ML, whose plan shows it late.
	const action = (await overdue.first().locator('td').nth(1).innerText()).trim();
	await overdue.first().getByRole('link').click();
	await expect(planSection(page)).toHaveAttribute('data-ready', /ml-actions:/);
	await expect(planSection(page).getByTestId('plan-summary')).toContainText('en retard au 31 décembre 2025');
	await expect(
		planSection(page)
			.getByRole('row', { name: new RegExp(action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
			.first()
	).toContainText('en retard');

	await gotoHydrated(page, '/criteres');
	const criteria = page.getByRole('region', { name: 'Plans d’amélioration : où agit-on ?' });
	await expect(criteria).toHaveAttribute('data-ready', /criteria-plans:/);
	await expect(criteria.getByTestId('criteria-plans-table').locator('tbody tr')).toHaveCount(24);
	await expect(criteria.getByTestId('criteria-plans-summary')).toContainText(
		'Le critère le plus travaillé est'
	);
});

test('imports plans and findings with a network: an ML’s page shows them as plain text, late actions marked', async ({
	page
}) => {
	await check(page, ['missions_locales.csv', 'evaluations.csv', 'actions.csv', 'constats.csv'].map(fixture));
	await expect(fileRow(page, 'actions.csv')).toContainText('Plans d’amélioration (actions)');
	await expect(fileRow(page, 'constats.csv')).toContainText('Constats d’audit (constats)');
	await expect(page.getByTestId('summary')).toContainText('0 erreur');
	await importNew(page);

	await gotoHydrated(page, '/ml?id=ML-01-01');
	const section = planSection(page);
	await expect(section).toHaveAttribute('data-ready', /ml-actions:ML-01-01@imported/);
	const table = section.getByTestId('plan-table');
	// The user's text is shown as written, never read as HTML.
	await expect(table.getByRole('cell', { name: '<b>Former</b> l’équipe' })).toBeVisible();
	await expect(
		table.getByRole('cell', { name: /<script>alert\(1\)<\/script> Suivi non outillé\./ })
	).toBeVisible();
	await expect(table.locator('b, script')).toHaveCount(0);
	// 1.2's action was due on 31 March 2024 and is still under way: late at the data's date.
	await expect(table.getByRole('row', { name: /<b>Former<\/b> l’équipe/ })).toContainText(
		'En cours — en retard'
	);
	await expect(table.getByRole('row', { name: /Formaliser la procédure d’accueil/ })).toContainText(
		'Réalisée'
	);
	await expect(section.getByTestId('plan-summary')).toContainText(
		'2 actions (hors abandonnées) sur 2 critères, dont 1 en retard'
	);
});

test('bad plan and finding files are reported in French by rule, line and column; a dataset without plans says so', async ({
	page
}) => {
	await check(page, [
		fixture('missions_locales.csv'),
		fixture('actions-invalide.csv'),
		fixture('constats-invalide.csv')
	]);
	await expect(ruleCount(page, 'hors-domaine')).toHaveText('3');
	await expect(ruleCount(page, 'type-invalide')).toHaveText('1');
	await expect(ruleCount(page, 'valeur-manquante')).toHaveText('2');
	await expect(ruleCount(page, 'doublon')).toHaveText('1');
	await page.locator('[data-rule="hors-domaine"] summary').click();
	const cases = page.getByRole('table', { name: 'Cas de la règle hors-domaine' });
	await expect(cases).toContainText(
		'La valeur «\u202fterminée\u202f» de la colonne «\u202fstatut\u202f» doit être l’une des valeurs prevue, en-cours, realisee, abandonnee.'
	);
	await expect(cases).toContainText(
		'La valeur «\u202fremarque\u202f» de la colonne «\u202ftype\u202f» doit être l’une des valeurs point-fort, axe-de-progres.'
	);

	// A network without the optional tables is valid; its views say there is no plan.
	await check(page, [fixture('missions_locales.csv'), fixture('evaluations.csv')]);
	await expect(page.getByTestId('summary')).toContainText('0 erreur');
	await importNew(page);
	await gotoHydrated(page, '/ml?id=ML-01-01');
	await expect(planSection(page).getByTestId('no-plans')).toHaveText('Aucun plan d’action dans ces données.');
	await gotoHydrated(page, '/criteres');
	await expect(page.getByTestId('no-plans')).toHaveText('Aucun plan d’action dans ces données.');
});
