import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixture';
import { gotoHydrated, waitForChart } from './a11y';

/**
 * Narrow-screen charts compared with committed reference images (`tests/__screenshots__/`, see
 * `snapshotPathTemplate` in playwright.config.ts). The demo data are deterministic and dated by
 * themselves, so these pictures only change when a chart's layout does: then look at the diff, and
 * update with `npx playwright test tests/screens.e2e.ts --update-snapshots`. The references are
 * Debian Chromium's rendering on Linux, the machines CI runs on.
 */

test.describe.configure({ timeout: 180_000 });

/** A few pixels of anti-aliasing may move; a layout change moves far more. */
const SAME = { maxDiffPixelRatio: 0.01, animations: 'disabled', caret: 'hide', scale: 'css' } as const;

/** The chart's scroll box of a figure, once drawn for the key matching `pattern`. */
async function chartBox(page: Page, figure: RegExp | string, pattern: RegExp): Promise<Locator> {
	await waitForChart(page, figure, pattern);
	const box = page.getByRole('figure', { name: figure }).getByRole('region', { name: /^Graphique/ });
	await box.scrollIntoViewIfNeeded();
	return box;
}

test.beforeEach(async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
});

test('at 375 px the heatmap keeps its row labels in view, over the first columns', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await gotoHydrated(page, '/');
	const box = await chartBox(page, /^Maturité par critère/, /^heatmap:defaut@/);
	await expect(box.locator('svg.row-labels')).toBeVisible();
	// The line under the cells names the focused cell: masked, it follows focus, not layout.
	await expect(box).toHaveScreenshot('heatmap-375.png', { ...SAME, mask: [box.locator('p.focused')] });
});

test('at 320 px the stage bars fit the screen, each label above its bar', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 800 });
	await gotoHydrated(page, '/');
	const box = await chartBox(page, 'Missions Locales à chaque étape', /./);
	await expect(box).toHaveScreenshot('steps-320.png', SAME);
});

test('at 320 px the key-figure strips of an ARML fit the screen, medians under each strip', async ({
	page
}) => {
	await page.setViewportSize({ width: 320, height: 800 });
	await gotoHydrated(page, '/arml/bretagne');
	const box = await chartBox(page, /^Chiffres clés/, /./);
	await expect(box).toHaveScreenshot('rates-320.png', SAME);
});
