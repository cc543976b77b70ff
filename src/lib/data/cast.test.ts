import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import { join, raw, sql } from '../db/sql';
import type { Database } from '../db/types';
import { canBeInvalid, cleaned, rawColumn, typedAsWritten, typedColumn, typedValue } from './cast';
import { ML_ID_PATTERN, TABLES, tableSpec, type ColumnSpec } from './contract';
import { normalizeEnum } from './normalize';

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
});
afterAll(() => db.close());

const column = (table: Parameters<typeof tableSpec>[0], name: string): ColumnSpec =>
	tableSpec(table).columns.find((c) => c.name === name)!;

/** Casts each raw text as the staging step does and returns the typed values, in order. */
async function cast(spec: ColumnSpec, texts: string[]) {
	const values = join(
		texts.map((t, i) => sql`(${i}, ${t})`),
		', '
	);
	const rows = await db.query<Record<string, unknown>>(
		sql`SELECT ${typedColumn(spec, 'c0')} FROM (VALUES ${values}) t(i, c0) ORDER BY i`
	);
	return rows.map((r) => r[spec.name]);
}

describe('typed values', () => {
	it('reads integers with thousands separators and a zero decimal part, refusing the rest', async () => {
		const texts = ['12', ' 4 016 ', '4\u00a0016', '3,0', '3.00', '+2', '3,5', 'trois', '', '99999999999'];
		expect(await cast(column('evaluations', 'niveau'), texts)).toEqual([12, 4016, 4016, 3, 3, 2, null, null, null, null]);
	});

	it('reads numbers with a decimal comma or point', async () => {
		const texts = ['32,5', '32.5', '1 032,5', ',5', '1.032,5', '1e3', 'NaN'];
		expect(await cast(column('missions_locales', 'effectif_etp'), texts)).toEqual([32.5, 32.5, 1032.5, 0.5, null, null, null]);
	});

	it('reads ISO and French dates, refusing impossible ones', async () => {
		const texts = ['2024-03-15', '15/03/2024', '5/3/2024', '2024-03-15 00:00:00', '31/02/2024', '2024-02-30', '03/15/2024'];
		const dates = ['2024-03-15', '2024-03-15', '2024-03-05', '2024-03-15', null, null, null];
		expect(await cast(column('evaluations', 'date'), texts)).toEqual(dates);
	});

	it('spells enumerated values canonically', async () => {
		const texts = ['Auto-évaluation', 'AUDIT', ' auto evaluation ', 'auto_evaluation', 'autoeval'];
		const phases = ['auto-evaluation', 'audit', 'auto-evaluation', 'auto-evaluation', null];
		expect(await cast(column('evaluations', 'phase'), texts)).toEqual(phases);
	});

	it('spells enumerated values as normalizeEnum does, spaces around hyphens, dashes and apostrophes included', async () => {
		const texts = [
			'Auto - Évaluation',
			'Auto\u00a0évaluation',
			'Auto\u202f–\u202fÉvaluation',
			'auto — évaluation',
			'auto−évaluation',
			'auto’évaluation',
			"auto'évaluation",
			'- audit -',
			'audit2'
		];
		const spelled = texts.map((t) => (['auto-evaluation', 'audit'].includes(normalizeEnum(t)) ? normalizeEnum(t) : null));
		expect(spelled).toEqual([...Array(7).fill('auto-evaluation'), 'audit', null]);
		expect(await cast(column('evaluations', 'phase'), texts)).toEqual(spelled);
	});

	it('pads one-digit départements and upper-cases Corsica', async () => {
		expect(await cast(column('missions_locales', 'departement_code'), ['1', '01', '2a', '971'])).toEqual(['01', '01', '2A', '971']);
	});

	it('trims ids and lower-cases element ids', async () => {
		expect(await cast(column('evaluations', 'critere_id'), ['4.2.1', ' 1.1\u00a0', ''])).toEqual(['4.2.1', '1.1', null]);
		expect(await cast(column('evaluations', 'element_id'), ['4.2.1.a', '4.2.1.B ', '\t'])).toEqual([
			'4.2.1.a',
			'4.2.1.b',
			null
		]);
	});

	it('reads a year as an integer, refusing words', async () => {
		expect(await cast(column('evaluations', 'campagne'), ['2024', ' 2 024 ', '2024,0', 'deux mille', ''])).toEqual([
			2024,
			2024,
			2024,
			null,
			null
		]);
	});

	it('trims the blanks people leave around a cell, an empty or blank cell being no value', async () => {
		const texts = [' a ', '\ta', 'a\u00a0', '\u202fa', 'a b', '', ' ', '\t\u00a0'];
		const values = join(
			texts.map((t, i) => sql`(${i}, ${t})`),
			', '
		);
		const rows = await db.query<{ v: string | null }>(
			sql`SELECT ${cleaned(rawColumn(0))} AS v FROM (VALUES ${values}) t(i, c0) ORDER BY i`
		);
		expect(rows.map((r) => r.v)).toEqual(['a', 'a', 'a', 'a', 'a b', null, null, null]);
	});

	it('accepts exactly the ML ids ML_ID_PATTERN accepts', async () => {
		const ids = ['ML-971-02', 'a', 'A_1', '-ML', '_x', 'ML 1', 'Mé', 'x'.repeat(32), 'x'.repeat(33), 'ML.1'];
		const accepted = ids.map((id) => (new RegExp(ML_ID_PATTERN).test(id) ? id : null));
		expect(await cast(column('evaluations', 'ml_id'), ids)).toEqual(accepted);
	});
});

describe('canBeInvalid', () => {
	// The duplicate-key check relies on it: other columns' typed values are NULL only when empty.
	const cells = ['', ' ', '\t', '\u00a0', 'x', ' x ', 'é', '1', '01', '2A', '4.2.1.a', '-', '?', 'NULL', 'a b'];
	const columns = TABLES.flatMap((t) => t.columns.filter((c) => !canBeInvalid(c)).map((c) => [t.name, c] as const));
	it.each(columns.map(([t, c]) => [`${t}.${c.name}`, c.type, c] as const))(
		'%s (%s) has a typed value for every non-empty cell',
		async (_, __, spec) => {
			const typed = await cast(spec, cells);
			expect(typed.map((v) => v === null)).toEqual(cells.map((c) => c.trim() === ''));
		}
	);
});

describe('typed values of a Parquet column of another type', () => {
	/** The typed values of `literals` (SQL of type `type`) from their own type and from their text. */
	async function both(spec: ColumnSpec, type: string, literals: string[]) {
		const values = literals.map((l, i) => `(${i}, CAST(${l} AS ${type}))`).join(', ');
		const typed = (source: string) =>
			db.query<Record<string, unknown>>(
				sql`SELECT ${typedColumn(spec, 'c0', source)} FROM (SELECT i, c0 FROM (VALUES ${raw(values)}) t(i, c0)) ORDER BY i`
			);
		const asText = await db.query<Record<string, unknown>>(
			sql`SELECT ${typedColumn(spec, 'c0')} FROM (SELECT i, CAST(c0 AS VARCHAR) AS c0 FROM (VALUES ${raw(values)}) t(i, c0)) ORDER BY i`
		);
		return { native: (await typed(type)).map((r) => r[spec.name]), text: asText.map((r) => r[spec.name]) };
	}

	const niveau = () => column('evaluations', 'niveau');
	const cases: [string, () => ColumnSpec, string, string[]][] = [
		['integers', niveau, 'BIGINT', ['3', '-2', '99999999999', 'NULL']],
		['whole and fractional doubles', niveau, 'DOUBLE', ['3.0', '2.5', '-0.0', '1e10', "'nan'", 'NULL']],
		['decimals', niveau, 'DECIMAL(6,2)', ['3.00', '3.25', 'NULL']],
		['numbers', () => column('missions_locales', 'effectif_etp'), 'DECIMAL(6,2)', ['43.50', '0.25', 'NULL']],
		['integers as numbers', () => column('missions_locales', 'effectif_etp'), 'INTEGER', ['12', 'NULL']],
		['dates', () => column('evaluations', 'date'), 'DATE', ["'2024-03-15'", "'1999-12-31'", 'NULL']]
	];
	for (const [label, spec, type, literals] of cases)
		it(`reads ${label} (${type}) as their text would be read`, async () => {
			const { native, text } = await both(spec(), type, literals);
			expect(native).toEqual(text);
			expect(native.some((v) => v !== null)).toBe(true);
		});
});

describe('cells kept as written by staging', () => {
	// Staging keeps only the cells whose typed value may differ from their text: a cell that passes
	// `typedAsWritten` must type to itself, or a wrong value would be stored.
	const cells = ['ML-01-01', ' ML-01-01', 'ml_1', 'audit', 'Audit', '4.2.1', '4.2.1.a', '4.2.1.A', '01', '1', '2A', '2a', '12', '012', '3,5', '15/03/2024', ''];
	const columns = TABLES.flatMap((t) => t.columns.map((c) => [`${t.name}.${c.name}`, c] as const));

	it.each(columns)('%s: a cell kept as written types to itself', async (_, spec) => {
		const test = typedAsWritten(spec, 'c0');
		if (!test) return;
		const values = join(
			cells.map((t, i) => sql`(${i}, ${t})`),
			', '
		);
		const rows = await db.query<{ kept: boolean | null; typed: unknown }>(
			sql`SELECT ${test} AS kept, ${typedValue(spec, 'c0')} AS typed FROM (VALUES ${values}) t(i, c0) ORDER BY i`
		);
		rows.forEach((r, i) => {
			if (r.kept) expect(r.typed, cells[i]).toBe(cells[i]);
		});
	});

	it('keeps ids and values spelled as typed, never numbers, dates or a Parquet column', () => {
		const kept = columns.filter(([, c]) => typedAsWritten(c, 'c0')).map(([name]) => name);
		expect(kept).toContain('evaluations.ml_id');
		expect(kept).toContain('evaluations.phase');
		expect(kept).toContain('evaluations.element_id');
		expect(kept).toContain('missions_locales.departement_code');
		expect(kept).not.toContain('evaluations.niveau');
		expect(kept).not.toContain('evaluations.date');
		expect(typedAsWritten(column('evaluations', 'ml_id'), 'c0', 'BIGINT')).toBeNull();
	});
});

describe('typed values spelled unusually', () => {
	it('reads a French date with blanks around it (past the common spelling)', async () => {
		const texts = [' 15/03/2024 ', '\u00a05/3/2024', ' 2024-03-15 '];
		expect(await cast(column('evaluations', 'date'), texts)).toEqual(['2024-03-15', '2024-03-05', '2024-03-15']);
	});
});
