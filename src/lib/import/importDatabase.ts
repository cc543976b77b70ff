import type { InputFile } from '../data';
import { registeredPath } from '../db/lockdown';
import { ident } from '../db/sql';
import { columnsOf } from '../db/columns';
import type { Columns, Database, Query, Row } from '../db/types';
import type { IpcAccess } from './ipc';

/** Bytes `sniffKind` takes for a Parquet file: the magic number at both ends, nothing in between. */
const PARQUET_SENTINEL = [0x50, 0x41, 0x52, 0x31, 0x50, 0x41, 0x52, 0x31];

/** Tables the import hands the validator as if they were Parquet files: sentinel bytes → SQL source. */
const sources = new WeakMap<Uint8Array, string>();

/**
 * Bytes that stand for the rows of an SQL relation written by the project (e.g. the table already
 * imported, to merge with): `ImportDatabase.loadParquet` copies the relation instead of decoding.
 */
export function relationFile(source: string): Uint8Array {
	const bytes = new Uint8Array(PARQUET_SENTINEL);
	sources.set(bytes, source);
	return bytes;
}

/** Bytes a string takes in UTF-8 (without encoding it). */
export function utf8Length(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) n += 1;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
			n += 4;
			i++;
		} else n += 3;
	}
	return n;
}

const BOM = [0xef, 0xbb, 0xbf];
const SAMPLE = 256;

/**
 * Whether `bytes` are the UTF-8 of `text` (a byte order mark aside, which DuckDB's CSV reader
 * skips): same length, same beginning, same end. Cheap next to encoding the text again.
 */
export function isUtf8Of(bytes: Uint8Array, text: string): boolean {
	const bom = BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
	if (utf8Length(text) !== bytes.length - bom) return false;
	const decode = (part: Uint8Array) => new TextDecoder().decode(part);
	const head = decode(bytes.subarray(bom, bom + 4 * SAMPLE));
	const tail = decode(bytes.subarray(Math.max(bom, bytes.length - 4 * SAMPLE)));
	const n = Math.min(SAMPLE, text.length);
	return head.slice(0, n) === text.slice(0, n) && tail.slice(-n) === text.slice(-n);
}

let registrations = 0;

/**
 * Creates table `name` from Parquet bytes, row group by row group: DuckDB takes one group in while
 * the next decodes (on another thread), instead of waiting for the whole file to be decoded.
 */
export async function insertParquet(
	ipc: IpcAccess,
	parquet: ParquetCodec,
	name: string,
	bytes: Uint8Array
): Promise<void> {
	const groups = parquet.rowGroups ? await parquet.rowGroups(bytes) : 0;
	let inserting: Promise<void> = Promise.resolve();
	try {
		for (let i = 0; i < Math.max(1, groups); i++) {
			const part = await parquet.decode(bytes, groups > 1 ? [i] : undefined);
			await inserting;
			inserting = ipc.insert(name, part, i === 0);
		}
	} catch (e) {
		await inserting.catch(() => {});
		throw e;
	}
	await inserting;
}

/** Parquet to Arrow IPC and back, wherever it runs (the import worker). */
export type ParquetCodec = {
	/** How many row groups a Parquet file has (without it, files are decoded whole). */
	rowGroups?(bytes: Uint8Array): Promise<number>;
	/** Decodes Parquet bytes (all of them, or some row groups) into an Arrow IPC stream. */
	decode(bytes: Uint8Array, rowGroups?: number[]): Promise<Uint8Array>;
	/** Encodes Arrow IPC (stream or file format) as Parquet; the buffer may move. */
	encode(ipc: Uint8Array): Promise<Uint8Array>;
};

export type ImportDatabaseOptions = {
	/** DuckDB as bytes (see `IpcAccess`); without it, `Database`'s own methods are used. */
	ipc?: IpcAccess | null;
	parquet?: ParquetCodec | null;
	/** Called with each statement before it runs (progress of a validation). */
	onStatement?: (sql: string) => void;
};

/**
 * The database as the import uses it: statements go through unchanged, Parquet is decoded and
 * encoded by `parquet` and moved in and out of DuckDB as Arrow IPC, CSV bytes are handed to DuckDB
 * as they are. Without `ipc` and `parquet` (Node), it is the database itself.
 */
export class ImportDatabase implements Database {
	#batch: readonly InputFile[] = [];
	#registered: string[] = [];

	constructor(
		private readonly inner: Database,
		private readonly options: ImportDatabaseOptions = {}
	) {}

	query<T extends object = Row>(query: Query): Promise<T[]> {
		this.options.onStatement?.(query.sql);
		return this.inner.query<T>(query);
	}

	columns(query: Query): Promise<Columns> {
		this.options.onStatement?.(query.sql);
		return columnsOf(this.inner, query);
	}

	exec(sql: string): Promise<void> {
		this.options.onStatement?.(sql);
		return this.inner.exec(sql);
	}

	/**
	 * Tells which files the validator is about to read, in order (it names each file's staging
	 * relations after its position: `staging_<batch>_<n>`), so that `registerText` can hand DuckDB
	 * the file's own bytes.
	 */
	expectBatch(files: readonly InputFile[]): void {
		this.#batch = files;
	}

	/**
	 * Makes a CSV text readable by `read_csv`. When the text is that of a batch file whose bytes are
	 * its UTF-8 (the import transcodes Windows-1252 first), the bytes go to DuckDB, copied, instead
	 * of encoding the text again (0.4 s for 24 MB).
	 */
	async registerText(name: string, text: string): Promise<string> {
		const { ipc } = this.options;
		const position = /staging_\d+_(\d+)\.csv$/.exec(name);
		const file = position ? this.#batch[Number(position[1]) - 1] : undefined;
		if (!ipc) return this.inner.registerText(name, text);
		// The text the worker decoded from these very bytes needs no comparison.
		const same = file && (file.text === text || isUtf8Of(file.bytes, text));
		const own = same ? file.bytes.slice() : new TextEncoder().encode(text);
		const path = registeredPath(`import-${++registrations}-${name}`);
		await ipc.registerFile(path, own);
		this.#registered.push(path);
		return path;
	}

	/** Forgets the files registered for the batch (once validated, its rows are in staging tables). */
	async release(): Promise<void> {
		const paths = this.#registered.splice(0);
		this.#batch = [];
		for (const path of paths) await this.options.ipc?.dropFile(path);
	}

	async loadParquet(name: string, bytes: Uint8Array): Promise<void> {
		const source = sources.get(bytes);
		if (source !== undefined) return this.exec(`CREATE OR REPLACE TABLE ${ident(name)} AS ${source}`);
		const { parquet, ipc } = this.options;
		if (!parquet || !ipc) return this.inner.loadParquet(name, bytes);
		await this.inner.exec(`DROP TABLE IF EXISTS ${ident(name)}`);
		await insertParquet(ipc, parquet, name, bytes);
	}

	async toParquet(name: string): Promise<Uint8Array> {
		const { parquet, ipc } = this.options;
		if (!parquet || !ipc) return this.inner.toParquet(name);
		return parquet.encode(await ipc.run(`SELECT * FROM ${ident(name)}`, []));
	}

	/** The database is the page's: the import never closes it. */
	async close(): Promise<void> {}
}
