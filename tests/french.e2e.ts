import { expect, test } from './fixture';
import { readFileSync } from 'node:fs';
import {
	capitalAfterColon,
	clockDates,
	decimalPoints,
	englishMonths,
	lowerAcronyms,
	missingElision,
	mixedTickDecimals,
	ordinarySpaces,
	plain,
	pluralAfterOne,
	sameEnds
} from './text/frenchRules';
import { builtPages, readableText } from './text/pageText';
import { gotoHydrated } from './a11y';
import { CASES } from './fixtures/bad/corpus';
import referentiel from '../referentiel/referentiel-2022-12.json' with { type: 'json' };

// Every prerendered page, charts included (their SVG is in the HTML): French months and decimals,
// singular after 0 and 1, and French spacing.
const ids = new Set<string>(
	JSON.stringify(referentiel)
		.match(/"id":\s*"([^"]+)"/g)!
		.map((m) => m.split('"')[3])
);

// The référentiel's own text, quoted as it is written on its pages (« Article 3 : La présente… »).
const strings: string[] = [];
const collect = (v: unknown): void => {
	if (typeof v === 'string') strings.push(v);
	else if (v && typeof v === 'object') Object.values(v).forEach(collect);
};
collect(referentiel);
const seedText = plain(strings.join('\n'));

test('every prerendered page reads as French: months, decimals, plurals and spaces', () => {
	const pages = builtPages();
	expect(pages.length).toBeGreaterThan(20);
	const problems: string[] = [];
	for (const file of pages) {
		const quoted = file.includes('referentiel') ? seedText : '';
		for (const text of readableText(readFileSync(file, 'utf8')))
			problems.push(...frenchProblems(file, text, quoted));
	}
	expect(problems).toEqual([]);
});

test('every numeric axis of a prerendered chart writes its ticks with the same decimals', () => {
	const problems = builtPages().flatMap((file) =>
		mixedTickDecimals(readFileSync(file, 'utf8')).map((ticks) => `${file} · ${ticks}`)
	);
	expect(problems).toEqual([]);
});

/**
 * Every French rule over a text shown once the page is hydrated or after an interaction; `quoted` is
 * text quoted as its source writes it, whose capitals after « : » are the source's.
 */
function frenchProblems(where: string, text: string, quoted = ''): string[] {
	const problems: string[] = [];
	for (const [rule, found] of [
		['mois anglais', englishMonths(text)],
		['point décimal', decimalPoints(text, ids)],
		['pluriel après 0 ou 1', pluralAfterOne(text)],
		['espace ordinaire', ordinarySpaces(text)],
		['date de l’horloge', clockDates(text)],
		['élision manquante', missingElision(text)],
		['sigle en minuscules', lowerAcronyms(text)],
		['majuscule après deux-points', capitalAfterColon(text, quoted)],
		['intervalle « N à N »', sameEnds(text)]
	] as const)
		for (const excerpt of found) problems.push(`${where} · ${rule} · ${excerpt}`);
	return problems;
}

// The prerendered-text test cannot see what the browser writes: console results and errors, search
// results, the names of buttons. These are read here, after hydration and interaction.
test.describe('text written in the browser reads as French', () => {
	test.describe.configure({ timeout: 120_000 });

	test('the SQL console: dates, numbers and types of a result, and its refusals', async ({ page }) => {
		await gotoHydrated(page, '/requetes');
		const editor = page.getByLabel('Requête SQL');
		const result = page.getByRole('region', { name: 'Résultat de la requête' });
		await editor.fill(
			"SELECT DATE '2025-12-31' AS d, 1234567.891::DOUBLE AS x, 97.4 AS y, count(*) AS n FROM evaluations"
		);
		await page.getByRole('button', { name: 'Exécuter' }).click();
		await expect(result.getByRole('row').nth(1).getByRole('cell')).toHaveText([
			'31/12/2025',
			'1\u00a0234\u00a0567,891',
			'97,4',
			/^\d{1,3}(\s\d{3})*$/
		]);
		await expect(result.getByRole('columnheader')).toHaveText([
			/DATE$/,
			/DOUBLE$/,
			/DECIMAL\(3,1\)$/,
			/BIGINT$/
		]);
		// The result and its summary line (the schema beside it lists table names, such as « arml »).
		const problems = frenchProblems(
			'/requetes',
			(await result.innerText()) + '\n' + (await page.getByText(/^\d+ lignes?\.$/).innerText())
		);
		for (const sql of ['SELEC 1', 'SELECT * FROM nope', "SELECT * FROM read_text('x')"]) {
			await editor.fill(sql);
			await page.getByRole('button', { name: 'Exécuter' }).click();
			const alert = page.getByRole('alert');
			await expect(alert).toBeVisible();
			const text = await alert.innerText();
			expect(text).not.toContain('pg_');
			problems.push(...frenchProblems(`/requetes ${sql}`, text));
		}
		expect(problems).toEqual([]);
	});

	test('the Mission Locale search: counts, quotes and places', async ({ page }) => {
		await gotoHydrated(page, '/ml');
		const box = page.getByRole('main').getByRole('searchbox', { name: 'Rechercher une Mission Locale' });
		const search = page.getByRole('main').getByRole('search');
		await box.fill('sa');
		await expect(search.getByRole('status')).toHaveText(/trouvées?/);
		const found = await search.innerText();
		expect(found).toMatch(/\S · département \w+/);
		expect(found).not.toMatch(/\S ·département/);
		const problems = frenchProblems('/ml recherche « sa »', found);
		await box.fill('zzzz');
		await expect(search.getByRole('status')).toHaveText(
			'Aucune Mission Locale ne correspond à «\u202fzzzz\u202f».'
		);
		problems.push(...frenchProblems('/ml recherche « zzzz »', await search.innerText()));
		expect(problems).toEqual([]);
	});

	test('the import report of a bad file: its summary and its cases', async ({ page }) => {
		await gotoHydrated(page, '/donnees');
		const name = 'guillemet-non-ferme.csv';
		const bytes = CASES.find((c) => c.name === name)!.bytes();
		await page
			.getByLabel('Choisir des fichiers CSV ou Parquet')
			.setInputFiles([{ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) }]);
		await expect(page.getByRole('heading', { name: 'Rapport de contrôle' })).toBeVisible({ timeout: 90_000 });
		const cases = page.getByRole('table', { name: 'Cas de la règle ligne-mal-formee' });
		await expect(cases).toContainText('jamais fermé');
		const problems = [
			...frenchProblems('/donnees bilan', await page.getByTestId('summary').innerText()),
			...frenchProblems('/donnees cas', await cases.innerText())
		];
		expect(problems).toEqual([]);
	});

	test('a Mission Locale’s page once its figures are drawn, and the templates’ button names', async ({
		page
	}) => {
		await gotoHydrated(page, '/ml?id=ML-88-01');
		await expect(page.getByTestId('plan-summary')).toBeVisible();
		const problems = frenchProblems('/ml?id=ML-88-01', await page.getByRole('main').innerText());
		await gotoHydrated(page, '/donnees');
		await expect(
			page.getByRole('button', { name: 'Modèle vide de la table evaluations (CSV)' })
		).toBeVisible();
		await expect(
			page.getByRole('button', { name: 'Exemple rempli de la table actions (CSV)' })
		).toBeVisible();
		expect(problems).toEqual([]);
	});
});
