import { expect, test, type Page } from '@playwright/test';

const heatmap = (page: Page) => page.getByRole('figure', { name: /^Maturité par critère/ });
const cells = (page: Page) => heatmap(page).getByRole('button', { name: /\(n = \d+\)|masqué/ });

test('the first heatmap is in the HTML before DuckDB-WASM is ready, and no request leaves the origin', async ({
	page,
	context,
	baseURL
}) => {
	const origin = new URL(baseURL!).origin;
	const requests: string[] = [];
	context.on('request', (request) => requests.push(request.url()));

	// Hold DuckDB's wasm until the prerendered chart has been checked.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/duckdb-eh*.wasm', async (route) => {
		await held;
		await route.continue();
	});

	await page.goto('/');
	await expect(heatmap(page).locator('[data-ready]')).toHaveAttribute('data-ready', /^heatmap:defaut@demo-0/);
	await expect(cells(page)).toHaveCount(15 * 24);
	await expect(page.getByRole('status').filter({ hasText: 'Démarrage du moteur de calcul' })).toBeVisible();

	release();
	await expect(page.getByText('Moteur de calcul prêt')).toBeVisible({ timeout: 90_000 });

	// Once DuckDB is up, it computes what the build did not: here, chapters instead of criteria.
	await page.getByLabel('Colonnes').selectOption('chapter');
	await expect(page).toHaveURL(/colonnes=chapitres/);
	await expect(heatmap(page).locator('[data-ready]')).toHaveAttribute('data-ready', /colonnes=chapitres/);
	await expect(cells(page)).toHaveCount(15 * 5);

	const foreign = requests.filter(
		(url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')
	);
	expect(foreign).toEqual([]);
	expect(requests.some((url) => url.endsWith('.wasm'))).toBe(true);
});
