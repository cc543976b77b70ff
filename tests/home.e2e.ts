import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { navigate } from './navigation';

const heatmap = (page: Page) => page.getByRole('figure', { name: /^Maturité par critère/ });
const cells = (page: Page) => heatmap(page).getByRole('button', { name: /\(n = \d+\)|masqué/ });

test('the first heatmap is in the HTML, filters answer without DuckDB-WASM, which starts only when needed, and no request leaves the origin', async ({
	page,
	context,
	baseURL
}) => {
	const origin = new URL(baseURL!).origin;
	const requests: string[] = [];
	context.on('request', (request) => requests.push(request.url()));
	const engine = () => requests.filter((url) => /duckdb/.test(url));

	await page.goto('/');
	await expect(heatmap(page).locator('[data-ready]')).toHaveAttribute('data-ready', /^heatmap:defaut@demo-0/);
	await expect(cells(page)).toHaveCount(15 * 24);
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');

	// What the build did not draw comes from the cube: here, chapters instead of criteria.
	await page.getByLabel('Colonnes').selectOption('chapter');
	await expect(page).toHaveURL(/colonnes=chapitres/);
	await expect(heatmap(page).locator('[data-ready]')).toHaveAttribute('data-ready', /colonnes=chapitres/);
	await expect(cells(page)).toHaveCount(15 * 5);
	await expect(page.getByRole('status').filter({ hasText: 'Moteur de calcul en veille' })).toBeVisible();
	expect(engine()).toEqual([]);

	// The console needs it: it starts there, self-hosted.
	await navigate(page, 'Requêtes');
	await expect(page.getByText('Moteur de calcul prêt')).toBeVisible({ timeout: 90_000 });
	expect(engine().length).toBeGreaterThan(0);

	const foreign = requests.filter(
		(url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')
	);
	expect(foreign).toEqual([]);
});
