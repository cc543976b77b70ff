import { expect, test } from './fixture';
import { gotoHydrated, waitForChart } from './a11y';

// "How far along is the network, and which ARML lags?" — UNML leadership, on the demo data.
// Expected answers come from docs/demo-data.md (each is asserted on the data by scripts/demo-data/*.test.ts).
test('UNML leadership reads progress, key figures and the lagging ARML from the home page', async ({
	page
}) => {
	await gotoHydrated(page, '/');

	// Progress: 402 of 437 labelled by the end of 2025; Grand Est the least advanced (30 of 36).
	// Dated by the data (their latest date), never by the clock, here and in the footer.
	await expect(page.getByTestId('progress-summary')).toContainText(
		'Au 31 décembre 2025, 402 Missions Locales sur 437 sont labellisées'
	);
	await expect(page.getByTestId('data-date')).toContainText(
		'Données de démonstration fictives au 31 décembre 2025'
	);
	await expect(page.getByTestId('progress-summary')).toContainText(
		'L’ARML la moins avancée est l’ARML Grand Est'
	);
	await expect(page.getByTestId('projection')).toContainText(
		'Fin 2024 : 437 Missions Locales engagées sur 437'
	);

	// Key figures of the latest year, with the change from the year before.
	await expect(page.getByRole('heading', { name: 'Chiffres clés du réseau 2025' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Jeunes accompagnés' })).toContainText(
		'par rapport à 2024'
	);

	// Maturity in audit: rows sorted by overall score, the lagging ARML last (Antilles-Guyane, then Grand Est),
	// then Corse, whose overall score over 2 Missions Locales is masked.
	await page.getByLabel('Phase').selectOption('audit');
	const figure = page.getByRole('figure', { name: /^Maturité par critère/ });
	await waitForChart(page, /^Maturité par critère/, /^heatmap:phase=audit@/);
	await figure.getByRole('button', { name: 'Voir le tableau' }).click();
	await expect(figure.getByRole('table')).toBeVisible();
	const rows = await figure.getByRole('table').getByRole('rowheader').allTextContents();
	expect(rows.slice(-3)).toEqual(['ARML Grand Est', 'ARML Antilles-Guyane', 'ARML Corse']);
	const corse = figure.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'ARML Corse' }) });
	await expect(corse.getByRole('cell').first()).toHaveText('n<3');

	// The weakest criterion network-wide is 3.3 (observatoire), as the summary line says.
	await expect(figure.getByText(/Le plus faible\s: 3\.3 /)).toBeVisible();
});

test('the key figures of any year, 2022 included, with the change from the year before, kept in the URL', async ({
	page
}) => {
	await gotoHydrated(page, '/');
	await page.getByLabel('Année', { exact: true }).selectOption('2022');
	await expect(page).toHaveURL(/[?&]annee=2022/);
	await expect(page.getByRole('heading', { name: 'Chiffres clés du réseau 2022' })).toBeVisible();
	// The référentiel's 2022 figures: 1,1 million young people followed.
	const followed = page.getByRole('listitem').filter({ hasText: 'Jeunes accompagnés' });
	await expect(followed).toContainText('1\u00a0100\u00a0000');
	await expect(followed).toContainText('par rapport à 2021');
	await expect(followed).toContainText(/[+−]\d+,\d\u00a0%/);

	// A shared link opens on its year; an unknown year falls back to the latest, with a French notice.
	await gotoHydrated(page, '/?annee=2022');
	await expect(page.getByRole('heading', { name: 'Chiffres clés du réseau 2022' })).toBeVisible();
	await gotoHydrated(page, '/?annee=1999');
	await expect(page.getByRole('heading', { name: 'Chiffres clés du réseau 2025' })).toBeVisible();
	await expect(
		page.getByText(/Le paramètre «\s?annee\s?» ne connaît pas la valeur «\s?1999\s?»/)
	).toBeVisible();

	// An ARML's totals follow the same year, with their change.
	await gotoHydrated(page, '/arml/bretagne?annee=2022');
	await expect(page.getByRole('heading', { name: 'Chiffres clés de l’ARML 2022' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Jeunes accompagnés' })).toContainText(
		'par rapport à 2021'
	);
});
