import type { Table } from 'apache-arrow';
import { arrowRows } from '../arrowRows';
import type { ConsoleEngine, Query, Row } from '../types';
import { engineMessage, frenchError } from './errors';
import { ConsoleRefusal, readOnlyStatement } from './guard';

/** Rows a query may return at most (the exports hold them all, the page shows fewer). */
export const ROW_LIMIT = 50_000;
/** Rows the page shows. */
export const DISPLAY_LIMIT = 1_000;
/** Seconds after which a query is interrupted. */
export const TIME_LIMIT_S = 20;

export type ConsoleColumn = { name: string; type: string };

export type ConsoleResult = {
	columns: ConsoleColumn[];
	rows: Row[];
	/** The same rows as Arrow, for the Parquet export. */
	table: Table;
	/** True when the query had more rows than `ROW_LIMIT`. */
	truncated: boolean;
	ms: number;
};

// Arrow's type ids (`Type.Decimal`, `Type.Date`…), read without loading apache-arrow into the page.
const DECIMAL = 7;
const DATE = 8;
const TIME = 9;
const TIMESTAMP = 10;

/** `2025-12-31T14:03:05.500Z` → `2025-12-31 14:03:05.5`: the exact instant, as DuckDB writes it. */
const isoTimestamp = (ms: number) =>
	new Date(ms)
		.toISOString()
		.replace('T', ' ')
		.replace(/\.?0*Z$/, '');

/** A time of day in microseconds → `14:03:05`. */
const isoTime = (us: number) => isoTimestamp(us / 1000).slice(11);

/**
 * Rows of an Arrow table as exact plain values: a DECIMAL comes out of Arrow as its unscaled
 * integer, so it is scaled here; a DATE or TIMESTAMP as epoch milliseconds, so it is written as
 * ISO text (`2025-12-31`, `2025-12-31 14:03:05`), which the CSV keeps and the table displays.
 */
function plainRows(table: Table): Row[] {
	const rows = arrowRows(table);
	for (const field of table.schema.fields) {
		const id = field.type.typeId;
		const convert =
			id === DECIMAL
				? (v: number) => v / 10 ** (field.type as { scale: number }).scale
				: id === DATE
					? (v: number) => isoTimestamp(v).slice(0, 10)
					: id === TIMESTAMP
						? isoTimestamp
						: id === TIME
							? isoTime
							: null;
		if (!convert) continue;
		for (const row of rows) if (row[field.name] !== null) row[field.name] = convert(Number(row[field.name]));
	}
	return rows;
}

/**
 * DuckDB's own names of the result's types (BIGINT, DOUBLE, DATE, VARCHAR…): the Arrow types say
 * `Float64` for a count, since the engine hands BIGINT over as double. Binding the statement again
 * costs no scan; Arrow's names remain if it fails.
 */
async function duckdbTypes(engine: ConsoleEngine, statement: string, table: Table): Promise<ConsoleColumn[]> {
	const fallback = table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
	try {
		const described = arrowRows<{ column_type: string }>(await engine.run(`DESCRIBE ${statement}`));
		if (described.length !== fallback.length) return fallback;
		return fallback.map((c, i) => ({ name: c.name, type: described[i].column_type }));
	} catch {
		return fallback;
	}
}

type Limits = { rowLimit?: number; timeLimitS?: number };

/**
 * Runs one read-only query written by a user: checked and wrapped by `readOnlyStatement`, on the
 * console's own connection, inside a transaction that is always rolled back, interrupted after
 * `timeLimitS`. Throws `ConsoleRefusal` with a French message.
 */
export async function runReadOnly(
	engine: ConsoleEngine,
	text: string,
	{ rowLimit = ROW_LIMIT, timeLimitS = TIME_LIMIT_S }: Limits = {}
): Promise<ConsoleResult> {
	const statement = readOnlyStatement(text, await engine.tokenize(text), rowLimit + 1);
	const start = performance.now();
	let interrupted = false;
	await engine.exec('BEGIN TRANSACTION');
	const timer = setTimeout(() => {
		interrupted = true;
		engine.cancel().catch(() => {});
	}, timeLimitS * 1000);
	try {
		const full = await engine.run(statement);
		const truncated = full.numRows > rowLimit;
		const table = truncated ? full.slice(0, rowLimit) : full;
		return {
			columns: await duckdbTypes(engine, statement, table),
			rows: plainRows(table),
			table,
			truncated,
			ms: performance.now() - start
		};
	} catch (e) {
		const message = engineMessage(e instanceof Error ? e.message : String(e));
		throw new ConsoleRefusal(frenchError(message, interrupted ? timeLimitS : null), message);
	} finally {
		clearTimeout(timer);
		await engine.exec('ROLLBACK').catch(() => {});
	}
}

/** The active dataset's tables and their columns, for the schema beside the console. */
export function schemaQuery(): Query {
	return {
		sql: `SELECT table_name, column_name, data_type
			FROM duckdb_columns()
			WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
				AND table_name NOT LIKE 'staging%' AND table_name NOT LIKE '\\_%' ESCAPE '\\'
			ORDER BY table_name, column_index`,
		params: []
	};
}

export type SchemaRow = { table_name: string; column_name: string; data_type: string };
