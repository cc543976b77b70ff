import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations, gotoHydrated, waitForChart } from './a11y';

const map = (page: Page) => page.getByRole('figure', { name: 'Carte de France' });
const areas = (page: Page) => map(page).locator('svg [data-area]');

test('the map of France is in the HTML, one focusable area per ARML, each opening its ARML on a click', async ({
	page
}) => {
	await gotoHydrated(page, '/');
	await waitForChart(page, 'Carte de France', /^map:arml:labellisation:/);
	await expect(areas(page)).toHaveCount(15);
	await expect(map(page).getByTestId('map-summary')).toContainText(
		'Taux de labellisation par ARML : valeur la plus élevée'
	);
	// Overseas ARML are tiles beside the mainland.
	await expect(
		map(page).getByRole('link', { name: /^ARML Océan Indien\s: taux de labellisation \d+/ })
	).toBeVisible();

	await map(page)
		.getByRole('link', { name: /^ARML Bretagne\s: / })
		.click();
	await expect(page).toHaveURL(/\/arml\/bretagne$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Bretagne');
});

test('the map is reached and read with the keyboard: arrows move between areas, Enter opens one', async ({
	page
}) => {
	await gotoHydrated(page, '/');
	await waitForChart(page, 'Carte de France', /^map:arml:/);
	// One tab stop for the whole map (roving focus), as in the heatmap.
	await expect(areas(page).and(page.locator('[tabindex="0"]'))).toHaveCount(1);
	const stop = areas(page).and(page.locator('[tabindex="0"]'));
	await stop.focus();
	await expect(stop).toBeFocused();
	const first = (await stop.getAttribute('aria-label'))!;
	await expect(map(page).locator('[aria-live]')).toHaveText(first);
	await page.keyboard.press('ArrowRight');
	// The tab stop moves with the focus, and the live line names the new area.
	const second = areas(page).and(page.locator(':focus'));
	await expect(second).toHaveAttribute('tabindex', '0');
	await expect(stop).toHaveCount(1);
	const label = (await second.getAttribute('aria-label'))!;
	expect(label).not.toBe(first);
	await expect(map(page).locator('[aria-live]')).toHaveText(label);
	const code = await second.getAttribute('data-arml');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/arml/${code}$`));
});

test('the table twin lists the same numbers as the map, at ARML and at département level', async ({
	page
}) => {
	await gotoHydrated(page, '/');
	await waitForChart(page, 'Carte de France', /^map:arml:/);
	await map(page).getByRole('button', { name: 'Voir le tableau' }).click();

	const text = (s: string | null) => (s ?? '').replaceAll('\u00a0', ' ').trim();
	/** Each table row's value and count are those the map's area says (`after` ends its name there). */
	async function expectSameNumbers(count: number, after: string) {
		const rows = map(page).getByTestId('map-table').locator('tbody tr');
		await expect(rows).toHaveCount(count);
		for (const row of await rows.all()) {
			const name = text(await row.locator('th').innerText());
			const cells = (await row.locator('td.num').allInnerTexts()).map(text);
			const [value, n] = [cells.at(-2)!, cells.at(-1)!];
			const label = text(
				await areas(page)
					.and(page.locator(`[aria-label^="${name}${after}"]`))
					.getAttribute('aria-label')
			);
			if (value === 'n<3') expect(label, name).toContain(`masqué, seulement ${n} Mission`);
			else if (value === 'aucune donnée') expect(label, name).toContain('aucune donnée');
			else expect(label, name).toContain(`${value} (${n} Mission`);
		}
	}
	await expectSameNumbers(15, ' : ');

	await map(page).getByLabel('Niveau').selectOption('departement');
	await waitForChart(page, 'Carte de France', /^map:departement:labellisation:/);
	await expect(areas(page)).toHaveCount(102);
	await expectSameNumbers(102, ' (');
	// Corse-du-Sud has one ML: its labellisation status is public, shown as on every page…
	await expect(
		map(page).getByRole('link', {
			name: /^Corse-du-Sud \(ARML Corse\)\s: taux de labellisation .*\(1 Mission Locale\)/
		})
	).toBeVisible();
	await expect(map(page).getByRole('row', { name: /Corse-du-Sud/ })).not.toContainText('n<3');
	// …but its score is one ML's, masked by the small-group rule in the map and the table.
	await map(page).getByLabel('Mesure').selectOption('score');
	await waitForChart(page, 'Carte de France', /^map:departement:score:/);
	await expectSameNumbers(102, ' (');
	await expect(map(page).getByRole('link', { name: /^Corse-du-Sud \(ARML Corse\)\s: masqué/ })).toBeVisible();
	await expect(map(page).getByRole('row', { name: /Corse-du-Sud/ })).toContainText('n<3');
});

test('the map shows another measure on demand, and a criterion’s weakness on /criteres', async ({ page }) => {
	await gotoHydrated(page, '/');
	await waitForChart(page, 'Carte de France', /^map:arml:/);
	await map(page).getByLabel('Mesure').selectOption('keyFigure');
	await map(page).getByLabel('Chiffre clé').selectOption('cej');
	await waitForChart(page, 'Carte de France', /^map:arml:keyFigure:audit::cej:/);
	await expect(map(page).getByTestId('map-summary')).toContainText(
		'Entrées en CEJ pour 100 jeunes accompagnés par ARML'
	);
	await expectNoSeriousViolations(page);

	await gotoHydrated(page, '/criteres');
	const chart = await waitForChart(page, 'Carte de France', /^map:arml:below:auto-evaluation:\d/);
	const criterion = (await chart.getAttribute('data-ready'))!.split(':')[4];
	await expect(map(page).locator('.subtitle')).toContainText(`sous le seuil, critère ${criterion}`);
	await expect(areas(page)).toHaveCount(15);
});
