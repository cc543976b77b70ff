import type { References } from './checks';
import { ident, join, raw, sql } from '../db/sql';
import type { Database, Query } from '../db/types';

/** The reference tables and the columns the checks read from them. */
const REQUIRED_COLUMNS = {
	criteria: ['criterion_id'],
	elements: ['element_id', 'criterion_id'],
	departements: ['departement_code'],
	missions_locales: ['ml_id']
} as const;

type ReferenceTable = keyof typeof REQUIRED_COLUMNS;

async function presentTables(db: Database): Promise<Set<ReferenceTable>> {
	const names = Object.keys(REQUIRED_COLUMNS) as ReferenceTable[];
	const rows = await db.query<{ table_name: string; column_name: string }>(
		sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ${names}`
	);
	return new Set(
		names.filter((name) =>
			REQUIRED_COLUMNS[name].every((c) => rows.some((r) => r.table_name === name && r.column_name === c))
		)
	);
}

/**
 * Finds the reference tables already in the database: `criteria`, `elements`, `departements`, and
 * for ML ids the batch's own `missions_locales` files (staged tables given here) when there are
 * any, else a `missions_locales` table (e.g. the demo network). Each comes as a query of `id`
 * (and `criterion_id` for elements).
 */
export async function findReferences(db: Database, batchMissionsLocales: readonly string[]): Promise<References> {
	const present = await presentTables(db);
	const table = (name: string) => raw(ident(name));
	const ml: Query | null =
		batchMissionsLocales.length > 0
			? join(
					batchMissionsLocales.map((t) => sql`SELECT "ml_id" AS id FROM ${table(t)}`),
					' UNION ALL '
				)
			: present.has('missions_locales')
				? sql`SELECT CAST("ml_id" AS VARCHAR) AS id FROM "missions_locales"`
				: null;
	return {
		criteria: present.has('criteria') ? sql`SELECT CAST("criterion_id" AS VARCHAR) AS id FROM "criteria"` : null,
		elements: present.has('elements')
			? sql`SELECT lower(CAST("element_id" AS VARCHAR)) AS id, CAST("criterion_id" AS VARCHAR) AS criterion_id FROM "elements"`
			: null,
		departements: present.has('departements')
			? sql`SELECT upper(CAST("departement_code" AS VARCHAR)) AS id FROM "departements"`
			: null,
		missionsLocales: ml
	};
}

/** Which reference a column type needs, by table name (for « contrôle impossible » warnings). */
export const REFERENCE_OF: Record<string, ReferenceTable> = {
	criterion: 'criteria',
	element: 'elements',
	departement: 'departements',
	ml_id: 'missions_locales'
};
