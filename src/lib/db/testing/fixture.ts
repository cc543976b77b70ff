import { loadReferentielTables } from '../../referentiel/tables';
import { createTableFromRows } from '../loadRows';
import { openNodeDatabase } from '../node';
import { createEmptyTables } from '../schema';
import { ident, join, raw, sql } from '../sql';
import type { Database, SqlValue } from '../types';

/** Two ARML, three départements: enough geography for hand-computed fixtures. */
export async function loadFixtureReference(db: Database) {
	await createTableFromRows(
		db,
		'regions',
		[
			['region_code', 'VARCHAR'],
			['nom', 'VARCHAR']
		],
		[
			['53', 'Bretagne'],
			['01', 'Guadeloupe'],
			['02', 'Martinique']
		]
	);
	await createTableFromRows(
		db,
		'departements',
		[
			['departement_code', 'VARCHAR'],
			['nom', 'VARCHAR'],
			['region_code', 'VARCHAR'],
			['arml_code', 'VARCHAR']
		],
		[
			['29', 'Finistère', '53', 'bretagne'],
			['971', 'Guadeloupe', '01', 'antilles-guyane'],
			['972', 'Martinique', '02', 'antilles-guyane']
		]
	);
	await createTableFromRows(
		db,
		'arml',
		[
			['arml_code', 'VARCHAR'],
			['nom', 'VARCHAR']
		],
		[
			['bretagne', 'ARML Bretagne'],
			['antilles-guyane', 'ARML Antilles-Guyane']
		]
	);
}

type Rows = readonly (readonly SqlValue[])[];

/** Contract rows per table, values in contract column order. */
export type FixtureTables = {
	missions_locales?: Rows;
	evaluations?: Rows;
	labellisation?: Rows;
	chiffres_cles?: Rows;
	actions?: Rows;
	constats?: Rows;
};

/**
 * Opens a Node DuckDB with the référentiel, the fixture geography and the given contract rows
 * (values in contract column order; dates as ISO text).
 */
export async function fixtureDatabase(
	tables: FixtureTables,
	open: () => Promise<Database> = () => openNodeDatabase()
): Promise<Database> {
	const db = await open();
	await loadReferentielTables(db);
	await loadFixtureReference(db);
	await createEmptyTables(db);
	// In batches: one statement per row takes seconds on DuckDB-WASM for a few thousand rows.
	for (const [name, rows] of Object.entries(tables))
		for (let i = 0; i < rows.length; i += 200) {
			const batch = rows.slice(i, i + 200).map((row) => sql`${row}`);
			await db.query(sql`INSERT INTO ${raw(ident(name))} VALUES ${join(batch, ', ')}`);
		}
	return db;
}
