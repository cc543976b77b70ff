import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { readFile } from 'node:fs/promises';
import { expectNoSeriousViolations, waitForChart } from './a11y';

const SCORES = /^Score par critère/;
const FIGURES = /^Chiffres clés au fil des années/;

async function hydrated(page: Page) {
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

test.describe.configure({ timeout: 180_000 });

const searchBox = (page: Page) =>
	page.getByRole('main').getByRole('searchbox', { name: 'Rechercher une Mission Locale' });

test.describe('/ml?id=…', () => {
	test('shows a Mission Locale’s profile: place, ARML, status, scores, journey and key figures', async ({
		page
	}) => {
		await page.goto('/ml?id=ML-88-01');
		await hydrated(page);
		await expect(page.getByRole('heading', { level: 1, name: "Mission Locale d'Épinal" })).toBeVisible();
		const facts = page.getByTestId('ml-facts');
		await expect(facts).toContainText('Épinal');
		await expect(facts).toContainText('Vosges (88)');
		await expect(facts.getByRole('link', { name: 'ARML Grand Est' })).toHaveAttribute(
			'href',
			/\/arml\/grand-est$/
		);
		await expect(page.getByTestId('ml-status')).toContainText('Labellisée');

		await waitForChart(page, SCORES, /^ml-scores:ML-88-01:defaut@demo-0/);
		const scores = page.getByRole('figure', { name: SCORES });
		await expect(scores).toContainText('comparée à ARML Grand Est (36 Missions Locales)');
		// The chart writes the ML's score of each criterion; the table alternative gives the same.
		const written = await scores.locator('.profile-score text').allTextContents();
		expect(written).toHaveLength(24);
		await scores.getByRole('button', { name: 'Voir le tableau' }).click();
		await expect(scores.getByRole('table')).toBeVisible();
		const listed = await scores.locator('td[data-score]').allTextContents();
		expect(listed.map((t) => t.trim())).toEqual(written.map((t) => t.trim()));

		// The journey, in order, with French dates.
		const steps = page.getByTestId('ml-timeline').locator('li');
		await expect(steps.first()).toContainText('Inscrite');
		await expect(page.getByTestId('ml-timeline')).toContainText(
			/\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 20\d\d/
		);
		const dates = await steps
			.locator('time')
			.evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
		expect(dates).toEqual([...dates].sort());
		await expect(steps.filter({ hasText: 'Labellisée' })).toContainText('18 mars 2025');

		await waitForChart(page, FIGURES, /^ml-key-figures:ML-88-01/);
		const figures = page.getByRole('figure', { name: FIGURES });
		await figures.getByRole('button', { name: 'Voir le tableau' }).click();
		await expect(figures.locator('tbody tr')).toHaveCount(5);
		await expect(figures.locator('tbody th').first()).toHaveText('2021');
		await expectNoSeriousViolations(page);
	});

	test('marks a demo Mission Locale as fictional: identity, journey and every export', async ({ page }) => {
		await page.goto('/ml?id=ML-88-01');
		await hydrated(page);
		await expect(page.getByTestId('ml-fictional')).toContainText('Mission Locale fictive');
		await expect(
			page.getByRole('heading', { level: 2, name: 'Parcours de labellisation (fictif)' })
		).toBeVisible();
		await expect(page.getByTestId('timeline-fictional')).toContainText('Commission nationale sont inventées');

		await waitForChart(page, SCORES, /^ml-scores:ML-88-01/);
		const scores = page.getByRole('figure', { name: SCORES });
		const [svg] = await Promise.all([
			page.waitForEvent('download'),
			scores.getByRole('button', { name: 'SVG', exact: true }).click()
		]);
		const markup = await readFile((await svg.path())!, 'utf8');
		// The title may wrap: its words are read across its lines.
		const words = [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
		expect(words).toMatch(/Score par critère.*— Mission Locale fictive/);
		await scores.getByRole('button', { name: 'Voir le tableau' }).click();
		const [csv] = await Promise.all([
			page.waitForEvent('download'),
			scores.getByRole('button', { name: 'Télécharger le tableau (CSV)' }).click()
		]);
		const lines = (await readFile((await csv.path())!, 'utf8'))
			.replace(/^\ufeff/, '')
			.trim()
			.split(/\r?\n/);
		expect(lines[0]).toMatch(/^donnees[;,]/);
		expect(
			lines.slice(1).every((l) => l.startsWith('Mission Locale fictive (données de démonstration)'))
		).toBe(true);
	});

	test('follows the campaign and phase filters, keeping the id in the URL', async ({ page }) => {
		await page.goto('/ml?id=ML-29-01');
		await hydrated(page);
		await waitForChart(page, SCORES);
		await page.getByLabel('Phase').selectOption('audit');
		await expect(page).toHaveURL(/id=ML-29-01/);
		await expect(page).toHaveURL(/phase=audit/);
		await waitForChart(page, SCORES, /phase=audit/);
		await expect(page.getByRole('figure', { name: SCORES })).toContainText('Audit');
	});

	test('says so in French when the id is unknown', async ({ page }) => {
		await page.goto('/ml?id=ML-00-99');
		await hydrated(page);
		await expect(page.getByTestId('ml-message')).toHaveText(
			/Aucune Mission Locale ne porte l’identifiant «\sML-00-99\s» dans les données de démonstration/
		);
		await expect(searchBox(page)).toBeVisible();
		await expectNoSeriousViolations(page);
	});

	test('says so in French when no id is given', async ({ page }) => {
		await page.goto('/ml');
		await expect(page.getByTestId('ml-message')).toContainText('Aucune Mission Locale n’est indiquée');
	});
});

test.describe('Mission Locale search', () => {
	test('finds an ML by a name typed without accents, and opens its profile', async ({ page }) => {
		await page.goto('/arml');
		await hydrated(page);
		await searchBox(page).fill('epinal');
		const search = page.getByRole('main').getByRole('search');
		await expect(search.getByRole('status')).toHaveText('1 Mission Locale trouvée.');
		await search.getByRole('link', { name: "Mission Locale d'Épinal" }).click();
		await expect(page).toHaveURL(/\/ml\?id=ML-88-01$/);
		await expect(page.getByRole('heading', { level: 1, name: "Mission Locale d'Épinal" })).toBeVisible();
	});

	test('finds by commune, ignores case, and is usable with the keyboard', async ({ page }) => {
		await page.goto('/ml');
		await hydrated(page);
		await searchBox(page).fill('SAINT-ETIENNE');
		const search = page.getByRole('main').getByRole('search');
		await expect(search.getByRole('status')).toHaveText(/Missions? Locales? trouvées?/);
		await expect(search.getByRole('link').first()).toContainText('Saint-Étienne');
		await searchBox(page).press('ArrowDown');
		await expect(search.getByRole('link').first()).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/ml\?id=ML-/);
		await expect(page.getByRole('heading', { level: 1, name: /Saint-Étienne/ })).toBeVisible();
	});

	test('says when nothing matches, and shows at most 10 results', async ({ page }) => {
		await page.goto('/arml');
		await hydrated(page);
		await searchBox(page).fill('zzzz');
		const search = page.getByRole('main').getByRole('search');
		await expect(search.getByRole('status')).toHaveText('Aucune Mission Locale ne correspond à « zzzz ».');
		await searchBox(page).fill('saint');
		await expect(search.getByRole('status')).toHaveText(/^\d+ Missions Locales trouvées\s; les 10 premières/);
		await expect(search.getByRole('link')).toHaveCount(10);
	});
});
