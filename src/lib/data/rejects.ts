import type { Scan } from './scan';
import { ident, raw, sql } from '../db/sql';
import type { Database } from '../db/types';

/**
 * Characters of rejected lines handed to DuckDB at once. Joined into one string, the rejected
 * lines of a 256 MB file where every line is malformed passed V8's longest string (2^29 − 24
 * characters) and the import died on a `RangeError`. A line's text is cut to 1 000 characters by
 * the scan, so a chunk holds at least a few thousand lines.
 */
export const REJECTS_CHUNK_CHARS = 8 * 1024 * 1024;

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * Keeps the bad records a scan found as table `<prefix>_rejects`, shaped like DuckDB's own (every
 * one of them: their lines number the rows after them). They go to DuckDB as CSV texts of at most
 * `chunkChars` characters each (plus one record), appended in order.
 */
export async function storeRejects(
	db: Database,
	prefix: string,
	scan: Scan,
	chunkChars = REJECTS_CHUNK_CHARS
): Promise<string | null> {
	if (scan.bad.length === 0) return null;
	const rejects = raw(ident(`${prefix}_rejects`));
	await db.exec(
		`CREATE OR REPLACE TABLE ${rejects.text} (line INTEGER, csv_line VARCHAR, error_message VARCHAR, column_idx INTEGER)`
	);
	let part = 0;
	const append = async (records: string[]) => {
		const path = await db.registerText(`${prefix}-rejets-${part++}.csv`, records.join(''));
		await db.query(sql`INSERT INTO ${rejects}
			SELECT line, csv_line, error_message, 0 FROM read_csv(${path}, header = false, auto_detect = false,
			columns = {'line': 'INTEGER', 'csv_line': 'VARCHAR', 'error_message': 'VARCHAR'},
			delim = ',', quote = '"', escape = '"', new_line = '\\n')`);
	};
	let records: string[] = [];
	let chars = 0;
	for (const b of scan.bad) {
		const record = `${b.line},${quote(b.text)},${quote(b.reason)}\n`;
		records.push(record);
		chars += record.length;
		if (chars >= chunkChars) {
			await append(records);
			records = [];
			chars = 0;
		}
	}
	if (records.length) await append(records);
	return `${prefix}_rejects`;
}
