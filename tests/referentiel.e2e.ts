import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import AxeBuilder from '@axe-core/playwright';
import json from '../referentiel/referentiel-2022-12.json' with { type: 'json' };
import type { Criterion, ReferentielFile } from '../src/lib/referentiel/types';

const file = json as unknown as ReferentielFile;
const allCriteria: Criterion[] = file.chapters.flatMap((c) => [
	...c.criteria,
	...c.sections.flatMap((s) => s.criteria)
]);
const criterion = (id: string) => allCriteria.find((c) => c.id === id)!;

async function hydrated(page: Page) {
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

const criterionHeading = (page: Page, id: string) =>
	page.getByRole('heading', { name: new RegExp(`^Critère ${id.replace(/\./g, '\\.')} `) });

test.describe('/referentiel', () => {
	test.beforeEach(async ({ page }) => {
		await page.goto('/referentiel');
		await hydrated(page);
	});

	test('shows the whole standard: preamble, 5 chapters, 24 criteria and the maturity scale', async ({
		page
	}) => {
		await expect(page.getByRole('heading', { level: 1, name: file.title })).toBeVisible();
		await expect(page.getByText('Édition décembre 2022')).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: file.preamble.title })).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: file.socle.title })).toBeVisible();
		await expect(page.getByText(/^Socle des valeurs et principes/)).toBeVisible();
		await expect(page.getByText(/\(436 Missions Locales, 15 ARML et l'UNML\)/)).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: file.keyFigures2022.title })).toBeVisible();
		await expect(page.getByTestId('key-figures-2022').getByRole('listitem')).toHaveCount(7);
		await expect(page.getByText("437 Missions Locales et 6 800 lieux d'accueil")).toBeVisible();
		await expect(page.getByText('15 000 professionnels')).toBeVisible();
		await expect(page.getByTestId('numbering')).toContainText("numérotation de l'observatoire");
		await expect(page.getByRole('heading', { level: 2, name: /^Chapitre \d/ })).toHaveCount(5);
		await expect(page.getByRole('heading', { name: /^Critère \d/ })).toHaveCount(allCriteria.length);
		await expect(page.getByRole('heading', { level: 2, name: 'Échelle de maturité' })).toBeVisible();
		await expect(page.getByText(file.observatoire.note)).toBeVisible();
		await expect(page.getByRole('main').getByRole('status')).toHaveText('Le référentiel compte 24 critères.');
	});

	test('keeps the UNML text’s slips as printed, each with a visible note', async ({ page }) => {
		const notes = page.getByTestId('slip-note');
		await expect(notes).toHaveCount(3);
		await expect(notes.filter({ hasText: '(CE) notamment)' })).toContainText('reproduite sans correction');
		await expect(notes.filter({ hasText: 'Voir référentiel partie 5' }).first()).toContainText(
			/«\sVoir référentiel partie 5\s» — Renvoi tel qu’imprimé .*chapitre 4/
		);
		await expect(page.getByText(/dispositifs mobilisés \(CE\) notamment\)\./)).toBeVisible();
	});

	test('searching "observatoire" shows criterion 3.3 and hides criteria that never mention it', async ({
		page
	}) => {
		await page.getByRole('searchbox', { name: 'Rechercher dans le référentiel' }).fill('observatoire');
		await expect(page.getByRole('main').getByRole('status')).toHaveText(
			/^\d+ critères? correspond(ent)? à «\sobservatoire\s»\.$/
		);
		await expect(criterionHeading(page, '3.3')).toBeVisible();
		await expect(criterionHeading(page, '1.1')).toHaveCount(0);
		await expect(page.getByRole('heading', { name: /^Chapitre 1 / })).toHaveCount(0);
		await expect(page.getByRole('heading', { level: 2, name: file.preamble.title })).toHaveCount(0);
	});

	test('search ignores accents: "equite" finds criterion 2.4', async ({ page }) => {
		await page.getByRole('searchbox', { name: 'Rechercher dans le référentiel' }).fill('equite');
		await expect(criterionHeading(page, '2.4')).toBeVisible();
		await expect(criterionHeading(page, '4.2.1')).toHaveCount(0);
	});

	test('says so when nothing matches, and clearing the search brings everything back', async ({ page }) => {
		await page.getByRole('searchbox', { name: 'Rechercher dans le référentiel' }).fill('zzzz');
		await expect(page.getByRole('main').getByRole('status')).toHaveText(
			'Aucun critère ne correspond à « zzzz ».'
		);
		await expect(page.getByRole('heading', { name: /^Critère \d/ })).toHaveCount(0);
		await page.getByRole('button', { name: 'Effacer la recherche' }).click();
		await expect(page.getByRole('heading', { name: /^Critère \d/ })).toHaveCount(allCriteria.length);
	});

	test('has no detectable accessibility violations', async ({ page }) => {
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});
});

test('a deep link /referentiel#critere-3-3 lands on that criterion', async ({ page }) => {
	await page.goto('/referentiel#critere-3-3');
	await expect(criterionHeading(page, '3.3')).toBeInViewport();
	await expect(criterionHeading(page, '1.1')).not.toBeInViewport();
});

test.describe('/referentiel/4.2.1', () => {
	const c = criterion('4.2.1');

	test.beforeEach(async ({ page }) => {
		await page.goto('/referentiel/4.2.1');
		await hydrated(page);
	});

	test('shows the criterion, its breadcrumb and all its elements', async ({ page }) => {
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Critère 4.2.1 ${c.title}`);
		const breadcrumb = page.getByRole('navigation', { name: 'Fil d’Ariane' });
		await expect(breadcrumb.getByRole('link', { name: 'Référentiel' })).toBeVisible();
		await expect(breadcrumb.getByRole('link', { name: /^4\.2 / })).toBeVisible();
		await expect(page.getByRole('link', { name: /^4\.2\.1\.[a-z]$/ })).toHaveCount(c.elements.length);
		for (const element of c.elements) await expect(page.getByText(element.text)).toBeVisible();
		await expect(page.getByText(file.observatoire.shortLabels['4.2.1'], { exact: true })).toBeVisible();
	});

	test('links to the dashboards where the criterion appears', async ({ page }) => {
		await expect(page.getByRole('link', { name: 'Voir ce critère sur la carte nationale' })).toHaveAttribute(
			'href',
			'/?critere=4.2.1'
		);
		await expect(page.getByRole('link', { name: 'Explorer ce critère' })).toHaveAttribute(
			'href',
			'/criteres?critere=4.2.1'
		);
	});

	test('leads to the next criterion', async ({ page }) => {
		await page.getByRole('link', { name: /Critère suivant/ }).click();
		await expect(page).toHaveURL(/\/referentiel\/4\.2\.2$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`Critère 4.2.2 ${criterion('4.2.2').title}`
		);
	});

	test('has no detectable accessibility violations', async ({ page }) => {
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});
});

test("shows an element's examples apart, introduced by their own intro", async ({ page }) => {
	const c = criterion('2.3');
	await page.goto('/referentiel/2.3');
	const examples = c.elements.find((e) => e.examples)!.examples!;
	await expect(page.getByRole('note').getByText(examples.intro)).toBeVisible();
	await expect(page.getByRole('note').getByRole('listitem')).toHaveCount(examples.items.length);
});

test('an unknown criterion is not found', async ({ page }) => {
	const response = await page.goto('/referentiel/9.9');
	expect(response?.status()).toBe(404);
});

test('fits a 375 px wide screen', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	for (const path of ['/referentiel', '/referentiel/4.4.1']) {
		await page.goto(path);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
});
