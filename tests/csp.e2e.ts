import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { fileURLToPath } from 'node:url';
import { gotoHydrated } from './a11y';

// A tour of every page under the Content-Security-Policy of svelte.config.js: the engine starts,
// charts draw, every export downloads, an import goes through, and the browser reports no
// violation and sees no request leave the origin.

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/import/${name}`, import.meta.url));

type Watch = { violations: string[]; offOrigin: string[]; errors: string[] };

/** Collects policy violations (events and console), requests off the origin and page errors. */
async function watch(page: Page): Promise<Watch> {
	const seen: Watch = { violations: [], offOrigin: [], errors: [] };
	await page.exposeFunction('reportViolation', (text: string) => seen.violations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			const report = (window as unknown as { reportViolation: (t: string) => void }).reportViolation;
			report(
				`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`
			);
		});
	});
	page.on('console', (message) => {
		if (/Content.Security.Policy|Refused to/i.test(message.text())) seen.violations.push(message.text());
	});
	page.on('pageerror', (error) => seen.errors.push(error.message));
	page.context().on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol === 'blob:' || url.protocol === 'data:') return;
		if (url.origin !== new URL(page.url() === 'about:blank' ? request.url() : page.url()).origin)
			seen.offOrigin.push(request.url());
	});
	return seen;
}

/** Opens a page, waits for the engine where the page starts it, and for every chart to settle. */
async function visit(page: Page, url: string) {
	await gotoHydrated(page, url);
	await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
	if (url === '/donnees')
		await expect(page.getByText('Moteur de calcul prêt')).toBeVisible({ timeout: 90_000 });
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** Clicks every enabled export button of the page and waits for each download. */
async function exportEverything(page: Page): Promise<number> {
	const buttons = page.getByRole('button', { name: /^(PNG|SVG|Télécharger|CSV|PARQUET)/ });
	const count = await buttons.count();
	let downloads = 0;
	for (let i = 0; i < count; i++) {
		const button = buttons.nth(i);
		if (!(await button.isVisible()) || !(await button.isEnabled())) continue;
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 30_000 }),
			button.click()
		]);
		expect(await download.failure()).toBeNull();
		downloads++;
	}
	return downloads;
}

const PAGES = [
	'/',
	'/arml',
	'/arml/occitanie',
	'/criteres',
	'/ml?id=ML-29-01',
	'/referentiel',
	'/methodologie'
];

test('every page draws and exports under the policy, with nothing off the origin', async ({ page }) => {
	test.setTimeout(600_000);
	const seen = await watch(page);
	let downloads = 0;
	for (const url of PAGES) {
		await visit(page, url);
		downloads += await exportEverything(page);
		expect(seen, url).toEqual({ violations: [], offOrigin: [], errors: [] });
	}
	expect(downloads).toBeGreaterThan(20);
	expect(seen).toEqual({ violations: [], offOrigin: [], errors: [] });
});

test('an import and every export of « Données » work under the policy', async ({ page }) => {
	test.setTimeout(300_000);
	const seen = await watch(page);
	await visit(page, '/donnees');
	await page
		.getByLabel('Choisir des fichiers CSV ou Parquet')
		.setInputFiles([fixture('missions_locales-excel.csv'), fixture('evaluations.parquet')]);
	await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible();
	await page.getByRole('button', { name: 'Importer comme nouveau jeu de données' }).click();
	await expect(page.getByText('Vos données sont actives.')).toBeVisible();
	// Templates, the active tables as CSV and Parquet.
	expect(await exportEverything(page)).toBeGreaterThanOrEqual(8);
	// The imported data drawn on the home page.
	await visit(page, '/');
	await expect(page.locator('[data-ready*="@imported-"]').first()).toBeAttached();
	await exportEverything(page);
	expect(seen).toEqual({ violations: [], offOrigin: [], errors: [] });
});
