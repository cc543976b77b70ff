import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { waitForChart } from './a11y';

// A reader on a slow machine changes a filter before the page's scripts have run. Svelte does not
// take a select's value when it hydrates it, and a link with parameters is rendered afresh: without
// `state/earlyInput.ts` the choice was lost, and the select could show one phase above a chart of
// another. The scripts are held back until the choice is made, so each test is one of these cases.

/** Opens `url` with the app's scripts held until the returned function is called. */
async function openHeld(page: Page, url: string) {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(url, { waitUntil: 'domcontentloaded' });
	return async () => {
		// The choice was made before the page was live, or the test proves nothing.
		await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
		// Meanwhile no chart drawn for the filters of before shows under the ones chosen.
		await expect(page.locator('[data-ready]:visible')).toHaveCount(0);
		release();
		await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
	};
}

const filter = (page: Page, label: string) => page.getByRole('form', { name: 'Filtres' }).getByLabel(label);

test('a filter chosen before the home page is live is applied once it is', async ({ page }) => {
	const live = await openHeld(page, '/');
	await filter(page, 'Phase').selectOption('audit');
	await live();
	await waitForChart(page, /^Maturité par critère/, /:phase=audit@demo-0\|/);
	await expect(filter(page, 'Phase')).toHaveValue('audit');
	expect(new URL(page.url()).searchParams.get('phase')).toBe('audit');
});

test('a filter chosen before a shared link is live joins the link’s own', async ({ page }) => {
	const live = await openHeld(page, '/?campagne=2024');
	await filter(page, 'Phase').selectOption('audit');
	await live();
	await waitForChart(page, /^Maturité par critère/, /:campagne=2024&phase=audit@demo-0\|/);
	await expect(filter(page, 'Phase')).toHaveValue('audit');
	await expect(filter(page, 'Campagne')).toHaveValue('2024');
});

test('a map measure chosen before the page is live is the one drawn', async ({ page }) => {
	const live = await openHeld(page, '/');
	await page
		.getByRole('figure', { name: 'Carte de France' })
		.getByLabel('Mesure', { exact: true })
		.selectOption('score');
	await live();
	await expect(page.locator('[data-ready^="map:"]').first()).toHaveAttribute(
		'data-ready',
		/^map:arml:score:/
	);
	await expect(
		page.getByRole('figure', { name: 'Carte de France' }).getByLabel('Mesure', { exact: true })
	).toHaveValue('score');
});
