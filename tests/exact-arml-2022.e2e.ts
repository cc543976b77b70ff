import type { Page } from '@playwright/test';
import { expect, test } from './fixture';
import { openNodeDatabase } from '../src/lib/db/node';
import { KEY_FIGURE_LABELS } from '../src/lib/labels';
import { KEY_FIGURES } from '../src/lib/model/domain';

/**
 * Issue 14.7, read as a user would: on an ARML's page, choose 2022 and read a key figure and its
 * change from 2021, signed with a true minus. The expected figures come from the demo's CSV files
 * by SQL (DuckDB in Node), not from the app.
 */
type Case = { arml: string; label: string; value: number; change: number };

/** The ARML (3 Missions Locales or more) and key figure whose change from 2021 to 2022 falls most. */
async function fallingFigure(): Promise<Case> {
	const db = await openNodeDatabase();
	try {
		const sums = KEY_FIGURES.map(
			(k) => `SELECT arml, '${k}' AS figure, sum(${k}) FILTER (WHERE annee = 2022)::DOUBLE AS value,
				sum(${k}) FILTER (WHERE annee = 2021)::DOUBLE AS before, count(DISTINCT ml_id) FILTER (WHERE annee = 2022) AS mls
				FROM rows GROUP BY arml`
		);
		const [row] = await db.query<{ arml: string; figure: string; value: number; before: number }>({
			sql: `WITH rows AS (
					SELECT f.*, d.arml_code AS arml
					FROM read_csv('data/chiffres_cles.csv', header = true) f
					JOIN read_csv('data/missions_locales.csv', header = true, all_varchar = true) m USING (ml_id)
					JOIN read_csv('data/reference/departements.csv', header = true, all_varchar = true) d USING (departement_code)
				)
				SELECT arml, figure, value, before FROM (${sums.join(' UNION ALL ')})
				WHERE mls >= 3 AND before > 0 ORDER BY (value - before) / before, arml, figure LIMIT 1`,
			params: []
		});
		return {
			arml: row.arml,
			label: KEY_FIGURE_LABELS[row.figure as (typeof KEY_FIGURES)[number]],
			value: row.value,
			change: (row.value - row.before) / row.before
		};
	} finally {
		db.close();
	}
}

/** A number as the page writes it: groups of three digits, any space between them. */
const digits = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '[\\s\\u00a0\\u202f]');

async function hydrated(page: Page) {
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

test('an ARML’s key figures for 2022 show its total and its fall from 2021 with a true minus', async ({
	page
}) => {
	const c = await fallingFigure();
	expect(c.change).toBeLessThan(-0.0005);
	await page.goto(`/arml/${c.arml}`);
	await hydrated(page);
	await page.getByLabel('Année').selectOption('2022');
	await expect(page).toHaveURL(/annee=2022/);

	const section = page.getByRole('region', { name: /^Chiffres clés de l’ARML/ });
	await expect(section.locator('[data-ready]')).toHaveAttribute(
		'data-ready',
		new RegExp(`^key-figures:2022:${c.arml}@`)
	);
	await expect(section.getByRole('heading', { level: 2 })).toHaveText(/2022$/);
	const card = section.getByRole('listitem').filter({ hasText: c.label });
	await expect(card).toHaveCount(1);

	const percent = (Math.abs(Math.round(c.change * 1000)) / 10).toFixed(1).replace('.', ',');
	await expect(card).toContainText(new RegExp(`^${c.label}\\s*${digits(c.value)}\\s`));
	await expect(card).toContainText(
		new RegExp(`−${percent}[\\s\\u00a0\\u202f]%[\\s\\u00a0\\u202f]par rapport à 2021`)
	);
	// A true minus sign, never the hyphen-minus.
	expect(await card.textContent()).not.toContain('-');
});
