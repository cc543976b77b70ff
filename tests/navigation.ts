import type { Locator, Page } from '@playwright/test';
import { expect } from './fixture';

// How a test waits for a page as a user would before acting on it. A prerendered page shows its
// controls before they respond (until it has hydrated), and a client-side navigation leaves the
// old page on screen, its controls live, until the new one renders: a test that acts at once acts
// on the wrong page, or on none, and passes or fails by timing alone.

/** The h1 of each page the main navigation opens. */
const HEADINGS: Record<string, string | RegExp> = {
	'Vue nationale': /^Où en est le réseau dans la labellisation/,
	ARML: 'Les ARML et leurs Missions Locales',
	Critères: /^Quels critères travailler/,
	Référentiel: /^Le Référentiel de labellisation/,
	Données: 'Données',
	Requêtes: 'Requêtes',
	Méthodologie: 'Méthodologie'
};

/** The page's main heading (its h1). */
export const mainHeading = (page: Page, name: string | RegExp) =>
	page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });

/** Opens a page and waits until it has hydrated (its controls then respond). */
export async function gotoHydrated(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/**
 * Follows a link of the main navigation and waits for the page it opens: its link marked as the
 * current page and its h1 shown (the old page and its filters are then gone).
 */
export async function navigate(page: Page, linkName: string, heading = HEADINGS[linkName]): Promise<void> {
	const link = page
		.getByRole('navigation', { name: 'Navigation principale' })
		.getByRole('link', { name: linkName, exact: true });
	await link.click();
	await expect(link).toHaveAttribute('aria-current', 'page');
	await expect(mainHeading(page, heading)).toBeVisible();
}

/** Clicks a link and waits for the page it opens: its address and its h1. */
export async function follow(
	page: Page,
	link: Locator,
	url: RegExp,
	heading: string | RegExp
): Promise<void> {
	await link.click();
	await expect(page).toHaveURL(url);
	await expect(mainHeading(page, heading)).toBeVisible();
}

/**
 * Waits until the page has rendered two frames: what it measures on a frame (its width, through a
 * ResizeObserver) has then been drawn. For geometry read once, after a size or layout change.
 */
export async function rendered(page: Page): Promise<void> {
	await page.evaluate(
		() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))
	);
}
