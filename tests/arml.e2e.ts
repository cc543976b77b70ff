import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixture';
import { expectNoSeriousViolations, waitForChart } from './a11y';
import { follow, rendered } from './navigation';

const HEATMAP = /^Maturité des Missions Locales/;
const GAP = /^Écart à la moyenne nationale/;
const RATES = /^Chiffres clés\s: entrées/;

const figure = (page: Page, name: RegExp) => page.getByRole('figure', { name });
const cells = (page: Page) => figure(page, HEATMAP).getByRole('button', { name: /\(n = \d+\)/ });
const rankingRows = (page: Page) => page.getByTestId('ranking').locator('tbody tr');
const rankingReady = (page: Page) =>
	page.getByRole('region', { name: 'Classement des Missions Locales' }).locator('[data-ready]');

async function hydrated(page: Page) {
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

test.describe.configure({ timeout: 180_000 });

/** Opens a figure's table alternative, and waits until it shows (its rows are read at once). */
async function openTable(frame: Locator) {
	await frame.getByRole('button', { name: 'Voir le tableau' }).click();
	await expect(frame.locator('table')).toBeVisible();
	return frame.locator('table');
}

test.describe('/arml', () => {
	test('lists the 15 ARML with their MLs, labelled share and score, each linking to its page', async ({
		page
	}) => {
		await page.goto('/arml');
		const table = page.getByTestId('arml-index');
		await expect(table.locator('tbody tr')).toHaveCount(15);
		await expect(table.locator('tbody').getByRole('link')).toHaveCount(15);
		const bretagne = table.locator('tbody tr', { has: page.getByRole('link', { name: 'ARML Bretagne' }) });
		// docs/demo-data.md: 22 Missions Locales in Bretagne; the network has 437.
		await expect(bretagne.locator('td').first()).toHaveText('22');
		await expect(table.locator('tfoot td').first()).toHaveText('437');
		await expectNoSeriousViolations(page);

		await hydrated(page);
		await page.getByRole('link', { name: 'ARML Bretagne' }).click();
		await expect(page).toHaveURL(/\/arml\/bretagne$/);
		await expect(page.getByRole('heading', { level: 1, name: 'ARML Bretagne' })).toBeVisible();
	});

	test('masks the score of an ARML with fewer than 3 Missions Locales assessed (Corse, n = 2), in the table and its CSV', async ({
		page
	}) => {
		await page.goto('/arml');
		await hydrated(page);
		const corse = page
			.getByTestId('arml-index')
			.locator('tbody tr', { has: page.getByRole('link', { name: 'ARML Corse' }) });
		await expect(corse.locator('td').nth(3)).toHaveText('n<3');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Télécharger le tableau (CSV)' }).click()
		]);
		const csv = readFileSync((await download.path())!, 'utf8');
		const line = csv.split('\r\n').find((l) => l.startsWith('ARML Corse;'))!;
		expect(line.split(';').slice(5, 7)).toEqual(['', 'oui']);
	});

	test('follows the phase filter, in the URL', async ({ page }) => {
		await page.goto('/arml');
		await hydrated(page);
		const ready = page.locator('[data-ready^="arml-index"]');
		await expect(ready).toHaveAttribute('data-ready', /@demo-0$/);
		await page.getByLabel('Phase').selectOption('audit');
		await expect(page).toHaveURL(/phase=audit/);
		await expect(ready).toHaveAttribute('data-ready', /phase=audit/);
		await expect(page.getByRole('link', { name: 'ARML Grand Est' })).toHaveAttribute(
			'href',
			/\/arml\/grand-est\?phase=audit$/
		);
	});

	test('an unknown ARML code answers 404', async ({ page }) => {
		const response = await page.goto('/arml/atlantide');
		expect(response?.status()).toBe(404);
	});
});

test.describe('/arml/[arml_code]', () => {
	test('draws the heatmap of its MLs: one row per ML of the ranking, prerendered', async ({ page }) => {
		await page.goto('/arml/bretagne');
		await waitForChart(page, HEATMAP, /^arml-heatmap:bretagne:defaut@demo-0/);
		const mls = await rankingRows(page).count();
		// docs/demo-data.md: Bretagne has 22 MLs, all self-assessed on the 24 criteria.
		expect(mls).toBe(22);
		await expect(cells(page)).toHaveCount(mls * 24);
		const rows = await figure(page, HEATMAP)
			.locator('rect[data-row]')
			.evaluateAll((rects) => new Set(rects.map((r) => r.getAttribute('data-row'))).size);
		expect(rows).toBe(mls);
		// ML rows are never masked.
		await expect(figure(page, HEATMAP).getByRole('button', { name: /masqué/ })).toHaveCount(0);
		await expect(page.getByTestId('arml-summary')).toContainText('22 Missions Locales');
		await waitForChart(page, GAP, /^arml-gap:bretagne/);
		await waitForChart(page, RATES, /^arml-rates:bretagne:latest/);
	});

	test('masks the overall mean of an ARML whose score stands on fewer than 3 Missions Locales', async ({
		page
	}) => {
		await page.goto('/arml/corse');
		await expect(page.getByTestId('arml-summary')).toContainText(
			'Score global moyen masqué\u202f: 2 Missions Locales évaluées sur tous les critères, moins de 3.'
		);
		await expect(page.getByTestId('arml-summary')).not.toContainText('3,09');
	});

	test('keeps campaign, phase and columns in the URL, and back restores the previous view', async ({
		page
	}) => {
		await page.goto('/arml/grand-est');
		await hydrated(page);
		await waitForChart(page, HEATMAP, /@demo-0/);
		await hydrated(page);

		await page.getByLabel('Phase').selectOption('audit');
		await expect(page).toHaveURL(/phase=audit/);
		await waitForChart(page, HEATMAP, /phase=audit/);
		await expect(rankingReady(page)).toHaveAttribute('data-ready', /phase=audit/);

		// The key figures' year has its own parameter, kept when the shared filters change.
		await page.getByLabel('Année').selectOption('2023');
		await expect(page).toHaveURL(/annee=2023/);
		await waitForChart(page, RATES, /^arml-rates:grand-est:2023/);
		await expect(figure(page, RATES)).toContainText('Année 2023');

		await page.getByLabel('Colonnes').selectOption('chapter');
		await expect(page).toHaveURL(/annee=2023/);
		await expect(page).toHaveURL(/colonnes=chapitres/);
		await waitForChart(page, HEATMAP, /colonnes=chapitres/);
		const assessed = await figure(page, HEATMAP)
			.locator('rect[data-row]')
			.evaluateAll((rects) => new Set(rects.map((r) => r.getAttribute('data-row'))).size);
		await expect(cells(page)).toHaveCount(assessed * 5);

		await page.getByLabel('Campagne').selectOption('2024');
		await expect(page).toHaveURL(/campagne=2024/);
		await waitForChart(page, HEATMAP, /campagne=2024.*colonnes=chapitres|colonnes=chapitres.*campagne=2024/);
		await expect(page.getByTestId('active-filters')).toContainText('Campagne : 2024');

		await page.goBack();
		await expect(page).not.toHaveURL(/campagne=2024/);
		await waitForChart(page, HEATMAP, /^(?!.*campagne=2024).*colonnes=chapitres/);

		// Forward, then away and back: the page shows the state its address holds. A filter change
		// is a shallow history entry, so SvelteKit only knows the URL the page was opened with.
		await page.goForward();
		await expect(page).toHaveURL(/campagne=2024/);
		await waitForChart(page, HEATMAP, /campagne=2024/);
		// Back once the ARML index has replaced the page: a back while that navigation runs races it.
		await follow(
			page,
			page.getByRole('link', { name: '← Toutes les ARML' }),
			/\/arml$/,
			'Les ARML et leurs Missions Locales'
		);
		await page.goBack();
		await expect(page).toHaveURL(/campagne=2024/);
		await waitForChart(page, HEATMAP, /campagne=2024.*colonnes=chapitres|colonnes=chapitres.*campagne=2024/);
		await expect(page.getByLabel('Campagne')).toHaveValue('2024');

		// A shared link opens the same view.
		await page.goto('/arml/grand-est?phase=audit&colonnes=chapitres');
		await hydrated(page);
		await waitForChart(page, HEATMAP, /phase=audit.*colonnes=chapitres/);
		await expect(page.getByLabel('Phase')).toHaveValue('audit');
		await expect(page.getByLabel('Colonnes')).toHaveValue('chapter');
	});

	test('the table alternatives say what the charts draw', async ({ page }) => {
		await page.goto('/arml/pays-de-la-loire');
		await hydrated(page);
		await waitForChart(page, HEATMAP);

		// Heatmap: every cell's value in the table equals the value in the cell's description.
		const heatmap = figure(page, HEATMAP);
		await openTable(heatmap);
		const drawn = await heatmap.locator('rect[data-row]').evaluateAll((rects) =>
			rects.map((r) => ({
				key: `${r.getAttribute('data-row')}|${r.getAttribute('data-col')}`,
				value: /niveau moyen ([\d,]+)/.exec(r.getAttribute('aria-label') ?? '')?.[1] ?? '?'
			}))
		);
		const listed = await heatmap.locator('td[data-row]').evaluateAll((tds) =>
			tds
				.filter((td) => td.textContent?.trim() !== '–')
				.map((td) => ({
					key: `${td.getAttribute('data-row')}|${td.getAttribute('data-col')}`,
					value: td.textContent?.trim() ?? ''
				}))
		);
		const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
		expect(listed.sort(byKey)).toEqual(drawn.sort(byKey));
		expect(listed.length).toBe((await rankingRows(page).count()) * 24);

		// Gap to the nation: each bar's written gap equals the table's.
		const gap = figure(page, GAP);
		await waitForChart(page, GAP);
		await openTable(gap);
		const bars = await gap.locator('rect[aria-label*=" : écart "]').evaluateAll((rects) =>
			rects.map((r) => {
				const label = r.getAttribute('aria-label') ?? '';
				return [label.split(' ')[0], /écart (\S+)/.exec(label)?.[1] ?? '?'];
			})
		);
		expect(bars).toHaveLength(24);
		for (const [id, value] of bars) await expect(gap.locator(`td[data-gap="${id}"]`)).toHaveText(value);
		// Pays de la Loire is ahead of the nation (docs/demo-data.md): most gaps are positive.
		expect(bars.filter(([, v]) => v.startsWith('+')).length).toBeGreaterThan(12);

		// Key figures: one row per ML, plus the ARML and national medians.
		const rates = figure(page, RATES);
		await waitForChart(page, RATES);
		const table = await openTable(rates);
		await expect(table.locator('tbody tr')).toHaveCount(await rankingRows(page).count());
		await expect(table.locator('tfoot th')).toHaveText(['Médiane de l’ARML', 'Médiane nationale']);
		await expect(rates.locator('.chart svg circle')).toHaveCount((await rankingRows(page).count()) * 4);
	});

	test('ties share a rank, and every ML links to its profile', async ({ page }) => {
		await page.goto('/arml/ile-de-france');
		await expect(rankingReady(page)).toHaveAttribute('data-ready', /@demo-0$/);
		const ranks = await rankingRows(page).locator('td[data-col="rank"]').allTextContents();
		const numbers = ranks.map((r) => Number.parseInt(r, 10)).filter((n) => !Number.isNaN(n));
		expect(numbers[0]).toBe(1);
		// Competition ranking: a rank never exceeds the number of MLs ranked before it + 1.
		numbers.forEach((n, i) => expect(n).toBeLessThanOrEqual(i + 1));
		numbers.forEach((n, i) => i && expect(n).toBeGreaterThanOrEqual(numbers[i - 1]));
		const first = rankingRows(page).first().getByRole('link');
		await expect(first).toHaveAttribute('href', /\/ml\?id=ML-/);
	});

	test('has no serious accessibility violation, with its tables open', async ({ page }) => {
		await page.goto('/arml/antilles-guyane');
		await hydrated(page);
		await waitForChart(page, HEATMAP);
		await waitForChart(page, GAP);
		await waitForChart(page, RATES);
		for (const name of [HEATMAP, GAP, RATES]) await openTable(figure(page, name));
		await expectNoSeriousViolations(page);
	});

	test('prints a clean A4 report: title, filters in words, date, source; no nav, filters or buttons', async ({
		page
	}) => {
		await page.goto('/arml/bretagne?phase=audit');
		await hydrated(page);
		await waitForChart(page, HEATMAP, /phase=audit/);
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('heading', { level: 1, name: 'ARML Bretagne' })).toBeVisible();
		await expect(page.getByTestId('active-filters')).toContainText('phase : audit');
		await expect(page.getByText(/données au 31 décembre 2025/)).toBeVisible();
		await expect(page.getByText(/^Source\s: données de démonstration/).first()).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
		await expect(page.getByRole('form', { name: 'Filtres' })).toBeHidden();
		await expect(page.getByRole('button', { name: 'Voir le tableau' }).first()).toBeHidden();
		// Charts fit the width of an A4 page (210 mm − 2 × 12 mm ≈ 703 px).
		await page.setViewportSize({ width: 703, height: 1000 });
		await rendered(page);
		const widths = await page
			.locator('.chart svg')
			.evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().width));
		expect(Math.max(...widths)).toBeLessThanOrEqual(703);
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
		expect(pdf.byteLength).toBeGreaterThan(10_000);
	});

	test('is usable at 375 px: charts scroll inside their frame, not the page', async ({ page }) => {
		await page.setViewportSize({ width: 375, height: 800 });
		await page.goto('/arml/corse');
		await waitForChart(page, HEATMAP);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(1);
	});
});
