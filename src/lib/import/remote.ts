import { tableFromIPC } from 'apache-arrow';
import { arrowRows } from '../db/arrowRows';
import { arrowColumns } from '../db/columns';
import { registeredPath } from '../db/lockdown';
import { ident } from '../db/sql';
import type { Columns, Database, Query, Row, SqlValue } from '../db/types';
import { insertParquet, type ParquetCodec } from './importDatabase';
import type { IpcAccess } from './ipc';
import type { DbReply, DbRequest } from './messages';

/** Distributes `Omit` over a union. */
type Op = DbRequest extends infer R ? (R extends DbRequest ? Omit<R, 'type' | 'id'> : never) : never;

/**
 * `IpcAccess` from the import worker: each operation goes to the page, which runs it on DuckDB-WASM
 * (its client lives on the main thread) and sends the bytes back, decoding nothing.
 */
export class RemoteIpc implements IpcAccess {
	#pending = new Map<
		number,
		{ resolve: (bytes: Uint8Array | undefined) => void; reject: (e: Error) => void }
	>();
	#next = 0;

	constructor(private readonly post: (request: DbRequest, transfer: Transferable[]) => void) {}

	#ask(op: Op, transfer: Transferable[] = []): Promise<Uint8Array | undefined> {
		const id = ++this.#next;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			this.post({ ...op, type: 'db', id } as DbRequest, transfer);
		});
	}

	/** Settles an operation with the page's reply. */
	reply(message: DbReply): void {
		const pending = this.#pending.get(message.id);
		if (!pending) return;
		this.#pending.delete(message.id);
		if (message.error !== undefined) pending.reject(new Error(message.error));
		else pending.resolve(message.bytes);
	}

	async run(sql: string, params: SqlValue[]): Promise<Uint8Array> {
		const bytes = await this.#ask({ op: 'run', sql, params });
		if (!bytes) throw new Error('DuckDB n’a rien répondu');
		return bytes;
	}

	async insert(name: string, bytes: Uint8Array, create = true): Promise<void> {
		await this.#ask({ op: 'insert', name, bytes, create }, [bytes.buffer as ArrayBuffer]);
	}

	async registerFile(name: string, bytes: Uint8Array): Promise<void> {
		await this.#ask({ op: 'registerFile', name, bytes }, [bytes.buffer as ArrayBuffer]);
	}

	async dropFile(name: string): Promise<void> {
		await this.#ask({ op: 'dropFile', name });
	}
}

let files = 0;

/**
 * The active database seen from the import worker: statements answered as Arrow IPC and turned
 * into rows here, Parquet decoded and encoded here. With it, the shared validator runs entirely in
 * the worker; the main thread only relays bytes.
 */
export class RemoteDatabase implements Database {
	constructor(
		private readonly ipc: IpcAccess,
		private readonly parquet: ParquetCodec
	) {}

	async query<T extends object = Row>({ sql, params }: Query): Promise<T[]> {
		return arrowRows<T>(tableFromIPC(await this.ipc.run(sql, params)));
	}

	async columns({ sql, params }: Query): Promise<Columns> {
		return arrowColumns(tableFromIPC(await this.ipc.run(sql, params)));
	}

	async exec(sql: string): Promise<void> {
		await this.ipc.run(sql, []);
	}

	async registerText(name: string, text: string): Promise<string> {
		const path = registeredPath(`import-text-${++files}-${name}`);
		await this.ipc.registerFile(path, new TextEncoder().encode(text));
		return path;
	}

	async loadParquet(name: string, bytes: Uint8Array): Promise<void> {
		await this.exec(`DROP TABLE IF EXISTS ${ident(name)}`);
		await insertParquet(this.ipc, this.parquet, name, bytes);
	}

	async toParquet(name: string): Promise<Uint8Array> {
		return this.parquet.encode(await this.ipc.run(`SELECT * FROM ${ident(name)}`, []));
	}

	async close(): Promise<void> {}
}

/** Runs a worker's `DbRequest` on the page's DuckDB-WASM; the reply and its transferable bytes. */
export async function serveDbRequest(ipc: IpcAccess, request: DbRequest): Promise<[DbReply, Transferable[]]> {
	const { id } = request;
	const start = performance.now();
	// Each statement of an import is on the page's timeline (`duckdb: …`): the benchmark lists them.
	const label =
		request.op === 'run' ? request.sql.replace(/\s+/g, ' ').slice(0, 100) : `${request.op} ${request.name}`;
	try {
		switch (request.op) {
			case 'run': {
				const bytes = await ipc.run(request.sql, request.params);
				return [{ type: 'db-reply', id, bytes }, [bytes.buffer as ArrayBuffer]];
			}
			case 'insert':
				await ipc.insert(request.name, request.bytes, request.create);
				break;
			case 'registerFile':
				await ipc.registerFile(request.name, request.bytes);
				break;
			case 'dropFile':
				await ipc.dropFile(request.name);
				break;
		}
		return [{ type: 'db-reply', id }, []];
	} catch (e) {
		return [{ type: 'db-reply', id, error: e instanceof Error ? e.message : String(e) }, []];
	} finally {
		performance.measure(`duckdb: ${label}`, { start });
	}
}
