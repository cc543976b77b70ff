import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gotoHydrated, waitForChart } from './a11y';
import { rendered } from './navigation';

// Issue 13.4: a 100 000-character value made the page 1.6 million px wide and the SVG export 11 MB,
// and text from the data must never be code, in the page, its exports or its print view. The demo
// network is imported as the user's own data, with two of its Missions Locales changed: one with
// very long values everywhere (name, commune, comments, actions, findings, a header, a file name),
// the other with script and HTML in its name.

const demo = (table: string) => fileURLToPath(new URL(`../static/data/${table}.parquet`, import.meta.url));
const LONG_ID = 'ML-22-01';
const HOSTILE_ID = 'ML-22-02';
/** An unbroken run (nothing to wrap at), then words: 100 000 characters. */
const long = (start: string) =>
	`${start} ${'Sansespace'.repeat(5000)} ${'très longue '.repeat(4200)}`.slice(0, 100_000);
const LONG_NAME = long('Mission Locale');
const HOSTILE_NAME = 'ML <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
const LONG_HEADER = `colonne ${'x'.repeat(100_000)}`;

type Row = Record<string, string | number | boolean | null>;

/** The demo's rows of a table, changed by `edit`, as a CSV file the import reads. */
async function demoCsv(table: string, edit: (row: Row, i: number) => Row): Promise<Buffer> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${demo(table)}')`);
	const rows = (reader.getRowObjectsJson() as Row[]).map(edit);
	connection.closeSync();
	return Buffer.from(Papa.unparse(rows), 'utf8');
}

async function longBatch() {
	const csv = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });
	return [
		csv(
			`missions_locales ${'n'.repeat(5000)}.csv`,
			await demoCsv('missions_locales', (r) => ({
				...r,
				nom: r.ml_id === LONG_ID ? LONG_NAME : r.ml_id === HOSTILE_ID ? HOSTILE_NAME : r.nom,
				commune: r.ml_id === LONG_ID ? long('Commune') : r.commune,
				[LONG_HEADER]: ''
			}))
		),
		csv(
			'labellisation.csv',
			await demoCsv('labellisation', (r) => ({
				...r,
				commentaire: r.ml_id === LONG_ID ? long('Commentaire') : r.commentaire
			}))
		),
		csv(
			'actions.csv',
			await demoCsv('actions', (r, i) => ({
				...r,
				libelle: r.ml_id === LONG_ID ? `${long(`Action ${i}`)}` : r.libelle
			}))
		),
		csv(
			'constats.csv',
			await demoCsv('constats', (r) => ({ ...r, texte: r.ml_id === LONG_ID ? long('Constat') : r.texte }))
		),
		...['evaluations', 'chiffres_cles'].map((table) => ({
			name: `${table}.parquet`,
			mimeType: 'application/octet-stream',
			buffer: readFileSync(demo(table))
		}))
	];
}

/** The page is never wider than the screen. */
async function expectNoOverflow(page: Page, where: string) {
	const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(over, `${where}: ${over} px wider than the screen`).toBeLessThanOrEqual(0);
}

async function openTables(page: Page) {
	// A table shows beside its drawn chart only: every chart drawn first, every table shown after.
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	// Each click turns its button into « Masquer le tableau ».
	const buttons = page.getByRole('button', { name: 'Voir le tableau' });
	for (let n = await buttons.count(); n > 0; n--) await buttons.first().click();
	await expect(buttons).toHaveCount(0);
	await rendered(page);
}

/** Prints the page: its charts are drawn again for paper (a frame later). */
async function print(page: Page) {
	await page.emulateMedia({ media: 'print' });
	await rendered(page);
}

const pwned = (page: Page) =>
	page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);

test('very long values are cut everywhere they show, the full text kept, and nothing from the data runs', async ({
	page
}) => {
	test.setTimeout(420_000);
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		d.dismiss().catch(() => {});
	});
	await page.setViewportSize({ width: 375, height: 800 });

	// The report: the file name and the extra header are cut, whole for screen readers.
	await gotoHydrated(page, '/donnees');
	await page.getByLabel('Choisir des fichiers CSV ou Parquet').setInputFiles(await longBatch());
	await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible({ timeout: 120_000 });
	await page
		.locator('details summary')
		.evaluateAll((all) => all.forEach((s) => s.parentElement!.setAttribute('open', '')));
	await expectNoOverflow(page, 'import report');
	const fileRow = page
		.getByRole('table', { name: 'Fichiers du lot' })
		.getByRole('row', { name: /^missions_locales n+\.csv/ });
	await expect(fileRow).toHaveCount(1);
	await page.getByRole('button', { name: 'Importer comme nouveau jeu de données' }).click();
	await expect(page.getByText('Vos données sont actives.')).toBeVisible({ timeout: 120_000 });
	await expect(page.getByText('Données conservées dans ce navigateur')).toBeVisible({ timeout: 60_000 });
	await expectNoOverflow(page, '/donnees after the import');

	// The ML's profile: name, commune, comments, actions and findings cut; the full name read out.
	await gotoHydrated(page, `/ml?id=${LONG_ID}`);
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toHaveAccessibleName(LONG_NAME);
	const shown = await heading.locator('[aria-hidden="true"]').textContent();
	expect(shown!.length).toBeLessThanOrEqual(80);
	expect(shown!.endsWith('…')).toBe(true);
	expect((await page.title()).length).toBeLessThan(200);
	await expect(page.getByTestId('ml-timeline')).toBeVisible();
	await openTables(page);
	await expectNoOverflow(page, '/ml');
	await print(page);
	await expectNoOverflow(page, '/ml printed');
	await page.emulateMedia({ media: 'screen' });

	// The ARML's page: heatmap, ranking, rates, paired views and plans, with their tables open.
	await gotoHydrated(page, '/arml/bretagne');
	await waitForChart(page, /^Maturité des Missions Locales/, /@(?!demo)/);
	await waitForChart(page, /^Chiffres clés\s: entrées/, /@(?!demo)/);
	await openTables(page);
	await expectNoOverflow(page, '/arml/bretagne');
	await print(page);
	await expectNoOverflow(page, '/arml/bretagne printed');
	await page.emulateMedia({ media: 'screen' });

	// Its exports stay small, and hold the hostile name as text only.
	for (const name of [/^Maturité des Missions Locales/, /^Chiffres clés\s: entrées/]) {
		const figure = page.getByRole('figure', { name });
		const [svgFile] = await Promise.all([
			page.waitForEvent('download'),
			figure.getByRole('button', { name: 'SVG' }).click()
		]);
		const svg = readFileSync((await svgFile.path())!, 'utf8');
		expect(svg.length, 'SVG export').toBeLessThan(1_000_000);
		const parsed = await page.evaluate((markup) => {
			const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
			const all = [...doc.querySelectorAll('*')];
			return {
				error: doc.querySelector('parsererror') !== null,
				foreign: all.filter((e) => e.namespaceURI !== 'http://www.w3.org/2000/svg').map((e) => e.localName),
				elements: [...new Set(all.map((e) => e.localName))],
				handlers: all.flatMap((e) => e.getAttributeNames().filter((a) => /^on/i.test(a))),
				text: doc.documentElement.textContent ?? ''
			};
		}, svg);
		expect(parsed.error).toBe(false);
		expect(parsed.foreign).toEqual([]);
		for (const name of ['script', 'img', 'iframe', 'foreignObject', 'a', 'use'])
			expect(parsed.elements).not.toContain(name);
		expect(parsed.handlers).toEqual([]);
		expect(parsed.text).toContain('Sansespace');
		expect(parsed.text).toContain(HOSTILE_NAME);
		const [pngFile] = await Promise.all([
			page.waitForEvent('download'),
			figure.getByRole('button', { name: 'PNG' }).click()
		]);
		const png = readFileSync((await pngFile.path())!);
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(png.length).toBeLessThan(5_000_000);
	}

	// The criteria explorer's lists of MLs, on this ARML.
	await gotoHydrated(page, '/criteres?arml=bretagne&cibles=1.1,3.3');
	await expect(page.getByTestId('training-results')).toHaveAttribute('data-ready', /cibles-ml/, {
		timeout: 90_000
	});
	await openTables(page);
	await expectNoOverflow(page, '/criteres');

	// The ML search: the name cut in its result, the link named in full.
	await gotoHydrated(page, '/');
	await page.getByLabel('Rechercher une Mission Locale').fill('Sansespace');
	const result = page.getByRole('search', { name: 'Recherche d’une Mission Locale' }).getByRole('link');
	await expect(result).toHaveAccessibleName(LONG_NAME);
	await expectNoOverflow(page, 'the ML search');

	// The hostile name, printed: text, never markup.
	await gotoHydrated(page, `/ml?id=${HOSTILE_ID}`);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE_NAME);
	await page.emulateMedia({ media: 'screen' });

	// The console's cells.
	await gotoHydrated(page, '/requetes');
	await page.getByLabel('Requête SQL').fill(`SELECT * FROM missions_locales WHERE ml_id = '${LONG_ID}'`);
	await page.getByRole('button', { name: 'Exécuter' }).click();
	await expect(page.getByRole('region', { name: 'Résultat de la requête' }).getByRole('row')).toHaveCount(2);
	await expectNoOverflow(page, '/requetes');

	expect(await pwned(page)).toBeNull();
	expect(dialogs).toEqual([]);
	await expect(page.locator('main img[src="x"], main script')).toHaveCount(0);
});
