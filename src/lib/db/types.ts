/** A value that may travel into SQL as a prepared-statement parameter, or come back in a row. */
export type SqlValue = string | number | boolean | null;

/** A row as every query returns it: plain, serialisable values only (no BigInt, no Arrow objects). */
export type Row = Record<string, SqlValue>;

/** A statement and its positional parameters (`?` placeholders), as query builders return it. */
export type Query = { sql: string; params: SqlValue[] };

/** The one database interface; implemented over DuckDB-WASM (browser) and @duckdb/node-api (Node). */
export interface Database {
	/** Runs one statement with its parameters and returns plain rows. */
	query<T extends object = Row>(query: Query): Promise<T[]>;
	/** Runs statements that take no parameters and return nothing (DDL written by the project). */
	exec(sql: string): Promise<void>;
	/** Makes UTF-8 text readable by `read_csv(path)`; returns the path to use. */
	registerText(name: string, text: string): Promise<string>;
	/** Creates (or replaces) table `name` from the bytes of a Parquet file. */
	loadParquet(name: string, bytes: Uint8Array): Promise<void>;
	/** Writes a table as Parquet bytes. */
	toParquet(name: string): Promise<Uint8Array>;
	close(): Promise<void>;
}
