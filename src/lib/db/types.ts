import type { Table } from 'apache-arrow';

/** A value that may travel into SQL as a prepared-statement parameter, or come back in a row. */
export type SqlValue = string | number | boolean | null;

/** A row as every query returns it: plain, serialisable values only (no BigInt, no Arrow objects). */
export type Row = Record<string, SqlValue>;

/** Numeric columns by name, each as long as the result. */
export type Columns = Record<string, ArrayLike<number>>;

/** A statement and its positional parameters (`?` placeholders), as query builders return it. */
export type Query = { sql: string; params: SqlValue[] };

/** The one database interface; implemented over DuckDB-WASM (browser) and @duckdb/node-api (Node). */
export interface Database {
	/** Runs one statement with its parameters and returns plain rows. */
	query<T extends object = Row>(query: Query): Promise<T[]>;
	/**
	 * Runs one statement whose columns are all non-null numbers and returns them column by column
	 * (typed arrays where the engine has them): for results of millions of rows, which plain rows
	 * would make slow. Optional: `columnsOf` (`db/columns.ts`) falls back on `query`.
	 */
	columns?(query: Query): Promise<Columns>;
	/** Runs statements that take no parameters and return nothing (DDL written by the project). */
	exec(sql: string): Promise<void>;
	/** Makes UTF-8 text readable by `read_csv(path)`; returns the path to use. */
	registerText(name: string, text: string): Promise<string>;
	/** Creates (or replaces) table `name` from the bytes of a Parquet file. */
	loadParquet(name: string, bytes: Uint8Array): Promise<void>;
	/** Writes a table as Parquet bytes. */
	toParquet(name: string): Promise<Uint8Array>;
	/** A separate connection for statements the user writes (the analysts' console), browser only. */
	openConsole?(): Promise<ConsoleEngine>;
	close(): Promise<void>;
}

/** DuckDB's tokens of a text: where each token starts, and its kind (comments are skipped). */
export type Tokens = { offsets: number[]; types: number[] };

/**
 * The console's own connection, apart from the one the app queries with, so that its transaction
 * and its cancellation touch nothing else. Only `db/console/run.ts` uses it.
 */
export interface ConsoleEngine {
	/** DuckDB's own tokenizer (the parser's first step). */
	tokenize(text: string): Promise<Tokens>;
	/** Runs statements that return nothing (`BEGIN`, `ROLLBACK`). */
	exec(sql: string): Promise<void>;
	/** Runs one statement; `cancel` interrupts it. */
	run(sql: string): Promise<Table>;
	/** Interrupts the statement `run` is waiting for, if the engine can. */
	cancel(): Promise<void>;
	close(): Promise<void>;
}
