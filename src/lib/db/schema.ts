import { sqlType, TABLES, type TableName } from '../data/contract';
import { ident } from './sql';
import type { Database } from './types';

/** The typed DDL of one contract table (column types from the contract). */
export function tableDdl(name: TableName, tableName: string = name): string {
	const spec = TABLES.find((t) => t.name === name);
	if (!spec) throw new Error(`Unknown table ${name}`);
	const columns = spec.columns.map((c) => `${ident(c.name)} ${sqlType(c.type)}`).join(', ');
	return `CREATE OR REPLACE TABLE ${ident(tableName)} (${columns})`;
}

/** Creates the contract tables, empty (a table the user did not supply stays empty). */
export async function createEmptyTables(
	db: Database,
	names: readonly TableName[] = TABLES.map((t) => t.name)
) {
	for (const name of names) await db.exec(tableDdl(name));
}

/** Reference tables shipped with the app (regions, départements, ARML). */
export const REFERENCE_TABLES = ['regions', 'departements', 'arml'] as const;
