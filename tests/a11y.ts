import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixture';

// Kept here too: the specs written before `navigation.ts` import it from this module.
export { gotoHydrated } from './navigation';

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) and fails on serious or critical violations. On the page as
 * the user gets it: hydrated (not while hydration still changes its nodes under axe).
 */
export async function expectNoSeriousViolations(page: Page) {
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
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
