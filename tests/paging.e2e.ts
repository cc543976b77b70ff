import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixture';
import Papa from 'papaparse';
import { gotoHydrated } from './a11y';

// Long tables show 50 rows at a time (`src/lib/components/paging.ts`). On the demo, Île-de-France
// has 79 Missions Locales: its ranking shows 50, then the next 29.

test.describe.configure({ timeout: 180_000 });

const nb = (s: string) => s.replace(/ (?=\d{3}\b)/g, '\u00a0');

async function csvOf(page: Page, button: Locator): Promise<string[][]> {
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
	const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

/** The ML ids a table's rows link to, in order. */
const linkedIds = (rows: Locator) =>
	rows.evaluateAll((trs) =>
		trs.map((tr) => new URL(tr.querySelector('a')!.href).searchParams.get('id') ?? '?')
	);

test('a long ranking shows its first 50 Missions Locales, the next ones on demand, ranked over all of them, and exports them all', async ({
	page
}) => {
	await gotoHydrated(page, '/arml/ile-de-france');
	const region = page.getByRole('region', { name: 'Classement des Missions Locales' });
	await expect(region.locator('[data-ready]')).toHaveAttribute('data-ready', /@demo-0$/);
	const table = page.getByTestId('ranking');
	const rows = table.locator('tbody tr');
	await expect(rows).toHaveCount(50);
	await expect(region.getByTestId('paging-count')).toHaveText('50 premières Missions Locales sur 79.');
	// The table's caption says it too (screen readers read it on entering the table).
	await expect(table.locator('caption')).toContainText('50 premières Missions Locales sur 79');
	const next = region.getByRole('button', { name: 'Afficher les 29 suivantes' });
	await expect(region.getByRole('button', { name: 'Tout afficher (79)' })).toBeVisible();

	// The export holds every ML, ranked; the page shows the first 50 of that order.
	const [header, ...csv] = await csvOf(
		page,
		region.getByRole('button', { name: /^Télécharger le classement \(CSV, 79 Missions Locales\)$/ })
	);
	expect(header.slice(0, 2)).toEqual(['rang', 'ml_id']);
	expect(csv).toHaveLength(79);
	const ranked = csv.map((r) => r[1]);
	expect(await linkedIds(rows)).toEqual(ranked.slice(0, 50));
	// Ranked over all 79: the ranks go on growing past the first page.
	const ranks = csv.map((r) => Number(r[0])).filter((r) => r > 0);
	ranks.forEach((r, i) => i && expect(r).toBeGreaterThanOrEqual(ranks[i - 1]));

	// The next 29: the keyboard goes on from the first one added; the new window is announced.
	await next.click();
	await expect(rows).toHaveCount(79);
	expect(await linkedIds(rows)).toEqual(ranked);
	await expect(rows.nth(50).getByRole('link')).toBeFocused();
	await expect(region.getByTestId('paging-count')).toHaveText('79 Missions Locales, toutes affichées.');
	await expect(region.getByRole('status').filter({ hasText: 'toutes affichées' })).toHaveCount(1);
	await expect(region.getByRole('button', { name: /^Afficher|^Tout afficher/ })).toHaveCount(0);

	// Another phase: other rows, from the first page again.
	await page.getByLabel('Phase').selectOption('audit');
	await expect(region.locator('[data-ready]')).toHaveAttribute('data-ready', /phase=audit/);
	await expect(rows).toHaveCount(50);
	await expect(region.getByTestId('paging-count')).toHaveText(/^50 premières Missions Locales sur \d+\.$/);
});

test('the criteria explorer lists its Missions Locales under the threshold 50 at a time, sorted over the whole list, and exports them all', async ({
	page
}) => {
	await gotoHydrated(page, '/criteres?critere=3.3');
	const lists = page.getByTestId('criterion-lists');
	await expect(lists).toHaveAttribute('data-ready', /critere-arml:3\.3/);
	const heading = page.getByRole('heading', { name: /^Missions Locales sous le seuil \(\d+\)/ });
	const total = Number((await heading.textContent())!.replace(/\D/g, ''));
	expect(total).toBeGreaterThan(100);
	const region = page.getByRole('region', { name: /^Missions Locales sous le seuil/ });
	const rows = region.locator('tbody tr');
	await expect(rows).toHaveCount(50);
	await expect(lists.getByTestId('paging-count')).toHaveText(
		nb(`50 premières Missions Locales sur ${total.toLocaleString('en').replace(',', ' ')}.`)
	);
	// 50 rows overflow the list's box: it scrolls, so the keyboard can reach it; the ARML table
	// beside it (15 rows) has nothing to scroll and adds no tab stop.
	await expect(region).toHaveAttribute('tabindex', '0');
	await expect(page.getByRole('region', { name: /^Par ARML/ })).not.toHaveAttribute('tabindex');

	const [, ...csv] = await csvOf(page, lists.getByRole('button', { name: 'Télécharger la liste (CSV)' }));
	expect(csv).toHaveLength(total);
	await lists.getByRole('button', { name: 'Afficher les 50 suivantes' }).click();
	await expect(rows).toHaveCount(100);
	// Rows 1 to 100 are the export's first 100: one order over the whole list, not page by page.
	expect(await linkedIds(rows)).toEqual(csv.slice(0, 100).map((r) => r[0]));
	const scores = csv.map((r) => Number(r[3].replace(',', '.')));
	scores.forEach((s, i) => i && expect(s).toBeGreaterThanOrEqual(scores[i - 1]));
	await expect(rows.nth(50).getByRole('link')).toBeFocused();
});

test('a long heatmap draws its first 50 rows in the chosen order, the next ones on demand, and exports every cell', async ({
	page
}) => {
	await gotoHydrated(page, '/arml/ile-de-france');
	const heatmap = page.getByRole('figure', { name: /^Maturité des Missions Locales/ });
	await expect(heatmap.locator('[data-ready]')).toHaveAttribute('data-ready', /^arml-heatmap:ile-de-france:/);
	/** The rows drawn, top to bottom. */
	const drawnRows = () =>
		heatmap.locator('svg:not(.row-labels) rect[data-row]').evaluateAll((rects) => {
			const top = new Map<string, number>();
			for (const r of rects) top.set(r.getAttribute('data-row')!, Number(r.getAttribute('y')));
			return [...top].sort((a, b) => a[1] - b[1]).map(([row]) => row);
		});
	const first = await drawnRows();
	expect(first).toHaveLength(50);
	await expect(heatmap.getByTestId('paging-count')).toHaveText('50 premières Missions Locales sur 79.');
	// The summary speaks of all 79.
	const summary = await heatmap.locator('p.summary').textContent();

	// The table alternative shows the same 50 rows, and its CSV every cell of the 79.
	await heatmap.getByRole('button', { name: 'Voir le tableau' }).click();
	const table = heatmap.getByRole('table');
	await expect(table.locator('tbody tr')).toHaveCount(50);
	await expect(table.locator('caption')).toContainText('50 premières Missions Locales sur 79');
	const [header, ...csv] = await csvOf(
		page,
		heatmap.getByRole('button', { name: 'Télécharger le tableau (CSV)' })
	);
	expect(header[0]).toBe('ligne');
	expect(new Set(csv.map((r) => r[0])).size).toBe(79);

	await heatmap.getByRole('button', { name: 'Afficher les 29 suivantes' }).click();
	const all = await drawnRows();
	expect(all).toHaveLength(79);
	// One order over the 79: the first 50 stay first.
	expect(all.slice(0, 50)).toEqual(first);
	await expect(table.locator('tbody tr')).toHaveCount(79);
	// The keyboard goes on from the first cell of the first row added.
	await expect(heatmap.locator(`rect[data-row="${all[50]}"]`).first()).toBeFocused();
	await expect(heatmap.locator('p.summary')).toHaveText(summary!);

	// Sorted by name, the window starts again from the first page, in the new order.
	await heatmap.getByLabel('Trier les lignes').selectOption('name');
	await expect(heatmap.locator('[data-ready]')).toHaveAttribute('data-ready', /\|name\|/);
	const byName = await drawnRows();
	expect(byName).toHaveLength(50);
	expect(byName).not.toEqual(first);
});

test('a chart’s long table alternative shows 50 rows at a time, and its CSV every row', async ({ page }) => {
	await gotoHydrated(page, '/arml/ile-de-france');
	const rates = page.getByRole('figure', { name: /^Chiffres clés\s: entrées/ });
	await rates.scrollIntoViewIfNeeded();
	await expect(rates.locator('[data-ready]')).toHaveAttribute('data-ready', /^arml-rates:ile-de-france:/);
	await rates.getByRole('button', { name: 'Voir le tableau' }).click();
	const rows = rates.getByRole('table').locator('tbody tr');
	await expect(rows).toHaveCount(50);
	await expect(rates.getByTestId('paging-count')).toHaveText('50 premières Missions Locales sur 79.');
	const [, ...csv] = await csvOf(page, rates.getByRole('button', { name: 'Télécharger le tableau (CSV)' }));
	// Every ML, then the ARML's and the national medians.
	expect(csv.filter((r) => /^ML-/.test(r[0]))).toHaveLength(79);
	await rates.getByRole('button', { name: 'Tout afficher (79)' }).click();
	await expect(rows).toHaveCount(79);
	await expect(rows.nth(50).getByRole('rowheader')).toBeFocused();
});

test('printed, a long table and a long heatmap show every row: paper has no buttons', async ({ page }) => {
	await gotoHydrated(page, '/arml/ile-de-france');
	const region = page.getByRole('region', { name: 'Classement des Missions Locales' });
	await expect(region.locator('[data-ready]')).toHaveAttribute('data-ready', /@demo-0$/);
	const rows = page.getByTestId('ranking').locator('tbody tr');
	await expect(rows).toHaveCount(50);
	// What the page holds once the browser lays it out for print (Chromium fires beforeprint, then
	// switches to the print media, then fires afterprint, before page.pdf returns).
	await page.evaluate(() => {
		const w = window as unknown as { printed: { rows: number; cells: number } };
		matchMedia('print').addEventListener('change', (e) => {
			if (!e.matches) return;
			const heatmapRows = document.querySelectorAll('svg.heatmap [data-r]');
			w.printed = {
				rows: document.querySelectorAll('[data-testid="ranking"] tbody tr').length,
				cells: new Set([...heatmapRows].map((c) => c.getAttribute('data-r'))).size
			};
		});
	});
	await page.pdf();
	expect(await page.evaluate(() => (window as unknown as { printed: unknown }).printed)).toEqual({
		rows: 79,
		cells: 79
	});
	// Back on screen, the first page again.
	await expect(rows).toHaveCount(50);
});
