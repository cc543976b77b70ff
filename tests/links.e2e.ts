import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { waitForChart } from './a11y';

// Links are untrusted (issue 13.5): a crafted link on any page gets a French notice in a polite
// status for each value it refuses, the page falls back to its defaults, and nothing it carries
// runs or becomes markup.

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';

test.describe.configure({ timeout: 180_000 });

/** Fails the test if anything from the link ran or became an element. */
function guard(page: Page) {
	page.on('dialog', (dialog) => {
		throw new Error(`A dialog opened: ${dialog.message()}`);
	});
	return async () => {
		expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		await expect(page.locator('main img[src="x"], main script:not([type])')).toHaveCount(0);
	};
}

const link = (path: string, pairs: [string, string][]) => `${path}?${new URLSearchParams(pairs)}`;

/** The page's notices: polite status messages. */
const notice = (page: Page, text: string | RegExp) =>
	page.getByRole('status').filter({ hasText: text }).first();

test('home: unknown, hostile and duplicated values fall back to the defaults with notices', async ({
	page
}) => {
	const check = guard(page);
	await page.goto(
		link('/', [
			['campagne', SCRIPT],
			['phase', 'audit'],
			['phase', 'both'],
			['lignes', 'x'.repeat(5000)],
			[IMG, '1']
		])
	);
	await expect(
		notice(page, /Le filtre «\scampagne\s» ne connaît pas la valeur «\s<script>window\.__pwned=1</)
	).toBeVisible();
	await expect(notice(page, /Le paramètre «\sphase\s» est donné 2 fois/)).toBeVisible();
	await expect(notice(page, /Le filtre «\slignes\s» ne connaît pas la valeur «\sx{40}…\s»/)).toBeVisible();
	await expect(
		notice(page, /Le paramètre «\s<img src=x onerror="window.__pwned=1">\s» n’est pas connu/)
	).toBeVisible();
	await waitForChart(page, /^Maturité par critère/, /^heatmap:defaut@/);
	await expect(page.getByLabel('Phase')).toHaveValue('auto-evaluation');
	await check();
});

test('ARML index and page: unknown campaign, columns and year fall back with notices', async ({ page }) => {
	const check = guard(page);
	await page.goto(
		link('/arml', [
			['campagne', '2099'],
			['colonnes', 'chapitres']
		])
	);
	await expect(notice(page, /Le filtre «\scampagne\s» ne connaît pas la valeur «\s2099\s»/)).toBeVisible();
	await expect(notice(page, /Le paramètre «\scolonnes\s» n’est pas connu de cette page/)).toBeVisible();
	await expect(page.getByTestId('arml-index').locator('tbody tr')).toHaveCount(15);

	await page.goto(
		link('/arml/bretagne', [
			['colonnes', IMG],
			['annee', '2099'],
			['campagne', '2024'],
			['campagne', '2025']
		])
	);
	await expect(notice(page, /Le filtre «\scolonnes\s» ne connaît pas la valeur «\s<img/)).toBeVisible();
	await expect(
		notice(page, /Le paramètre «\sannee\s» ne connaît pas la valeur «\s2099\s»\s: dernière année/)
	).toBeVisible();
	await expect(notice(page, /Le paramètre «\scampagne\s» est donné 2 fois/)).toBeVisible();
	await waitForChart(page, /^Maturité des Missions Locales/, /^arml-heatmap:bretagne:defaut@/);
	await waitForChart(page, /^Chiffres clés\s: entrées/, /^arml-rates:bretagne:latest/);
	await check();
});

test('criteria explorer: unknown criteria, campaigns and statuses are dropped with notices', async ({
	page
}) => {
	const check = guard(page);
	await page.goto(
		link('/criteres', [
			['cibles', `3.3,${IMG},9.9`],
			['depuis', '1999'],
			['statut', SCRIPT],
			['critere', '<b>4.4.2</b>']
		])
	);
	await expect(
		notice(
			page,
			/Critères inconnus ignorés dans «\scibles\s»\s: <img src=x onerror="window.__pwned=1">, 9\.9/
		)
	).toBeVisible();
	await expect(notice(page, /La campagne «\s1999\s» \(paramètre «\sdepuis\s»\)/)).toBeVisible();
	await expect(notice(page, /Le filtre «\sstatut\s» ne connaît pas la valeur/)).toBeVisible();
	await expect(
		notice(page, /Le filtre «\scritere\s» ne connaît pas la valeur «\s<b>4\.4\.2<\/b>\s»/)
	).toBeVisible();
	await waitForChart(
		page,
		/^Critères classés par part de Missions Locales sous le seuil/,
		/^classement:defaut@/
	);
	await expect(page.getByTestId('training-results')).toHaveAttribute('data-ready', /cibles-ml:3\.3:defaut@/);
	await check();
});

test('ML profile: an id absent from the active data, or hostile, gets a notice and the search', async ({
	page
}) => {
	const check = guard(page);
	await page.goto(link('/ml', [['id', `${IMG}${'A'.repeat(10_000)}`]]));
	const message = page.getByTestId('ml-message');
	await expect(message).toContainText(
		/Aucune Mission Locale ne porte l’identifiant «\s<img src=x onerror="window.__pwned=1">A+…\s» dans les données de démonstration/
	);
	expect((await message.innerText()).length).toBeLessThan(400);
	await expect(page.getByRole('main').getByRole('searchbox')).toBeVisible();

	await page.goto(
		link('/ml', [
			['id', 'ML-29-01'],
			['campagne', '1999'],
			['id', 'ML-88-01']
		])
	);
	await expect(message).toContainText(/Le paramètre «\sid\s» est donné 2 fois/);

	await page.goto(
		link('/ml', [
			['id', 'ML-29-01'],
			['campagne', '1999']
		])
	);
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Profil d’une Mission Locale');
	await expect(notice(page, /Le filtre «\scampagne\s» ne connaît pas la valeur «\s1999\s»/)).toBeVisible();
	await check();
});
