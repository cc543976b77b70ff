import { expect, test } from './fixture';
import { waitForChart } from './a11y';

// docs/demo-data.md: the network's four weak criteria, and Grand Est among the lagging ARML.
const WEAK_CRITERIA = ['3.3', '4.4.2', '3.4', '5.4'];

test.describe.configure({ timeout: 180_000 });

test('an ARML coordinator of a lagging ARML finds which ML is weakest, on what, and opens its profile', async ({
	page
}) => {
	// From the list of ARML, open Grand Est and look at the audits (the external view).
	await page.goto('/arml');
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.getByRole('link', { name: 'ARML Grand Est' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'ARML Grand Est' })).toBeVisible();
	await page.getByLabel('Phase').selectOption('audit');
	await waitForChart(page, /^Maturité des Missions Locales/, /phase=audit/);

	// The ARML is behind the nation on most criteria.
	const gap = await waitForChart(page, /^Écart à la moyenne nationale/, /phase=audit/);
	const gaps = await gap
		.locator('rect[aria-label*=" : écart "]')
		.evaluateAll((rects) =>
			rects.map((r) => /écart (\S+)/.exec(r.getAttribute('aria-label') ?? '')?.[1] ?? '')
		);
	expect(gaps.filter((g) => g.startsWith('−')).length).toBeGreaterThan(12);

	// The ranking: the lowest-ranked ML and its weakest criteria.
	const ranking = page.getByRole('region', { name: 'Classement des Missions Locales' });
	await expect(ranking.locator('[data-ready]')).toHaveAttribute('data-ready', /phase=audit/);
	const ranked = ranking
		.locator('tbody tr')
		.filter({ has: page.locator('td[data-col="rank"]', { hasText: /\d/ }) });
	const last = ranked.last();
	const name = (await last.getByRole('link').textContent())!.trim();
	const weakest = await last.locator('td[data-col="weakest"] abbr').allTextContents();
	expect(weakest).toHaveLength(3);
	expect(weakest.some((id) => WEAK_CRITERIA.includes(id))).toBe(true);

	// Its profile shows the same weak criteria against the ARML and the nation.
	await last.getByRole('link').click();
	await expect(page).toHaveURL(/\/ml\?.*id=ML-/);
	await expect(page).toHaveURL(/phase=audit/);
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await waitForChart(page, /^Score par critère/, /phase=audit/);
	const summary = page.getByTestId('profile-summary');
	for (const id of weakest) await expect(summary).toContainText(id);
	await expect(page.getByTestId('ml-facts').getByRole('link', { name: 'ARML Grand Est' })).toBeVisible();
});
