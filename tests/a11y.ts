import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe-core (WCAG 2.1 A/AA rules) and fails on serious or critical violations. */
export async function expectNoSeriousViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const serious = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help} — ${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 5)
					.join(', ')}`
		);
	expect(serious).toEqual([]);
}

/** Waits until the chart of a figure shows data for a key matching `pattern`. */
export async function waitForChart(page: Page, figureName: string | RegExp, pattern: RegExp = /./) {
	const chart = page.getByRole('figure', { name: figureName }).locator('[data-ready]');
	await expect(chart).toHaveAttribute('data-ready', pattern);
	return chart;
}

/** Opens a page and waits until it has hydrated (its controls then respond). */
export async function gotoHydrated(page: Page, url: string) {
	await page.goto(url);
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}
