import { decodeText, sniffKind } from '../data/decode';
import { detectDialect } from '../data/dialect';
import { recognizeTable } from '../data/recognize';
import type { ReadFile } from './messages';

const LF = 10;
/** The header is in the first record; this much text always holds it in practice. */
const HEADER_SAMPLE = 65_536;

/** Line feeds in a chunk of bytes (a CSV's records, give or take quoted line breaks). */
export function countLineFeeds(chunk: Uint8Array): number {
	let n = 0;
	let i = chunk.indexOf(LF);
	while (i !== -1) {
		n++;
		i = chunk.indexOf(LF, i + 1);
	}
	return n;
}

/** Data rows of a CSV from its line count: the header and a missing final line feed accounted for. */
export function csvRows(lineFeeds: number, bytes: Uint8Array): number {
	const lines = lineFeeds + (bytes.length > 0 && bytes[bytes.length - 1] !== LF ? 1 : 0);
	return Math.max(0, lines - 1);
}

/**
 * Reads a file's bytes as the browser streams them, reporting the bytes and lines read so far, so
 * that a large file never blocks the thread that reads it and a progress bar can move. (Streaming
 * read 24 MB in 0.19–0.36 s where 4 MB slices took 0.32–0.43 s.)
 */
export async function readChunks(
	file: Blob,
	onProgress: (bytes: number, lineFeeds: number) => void
): Promise<{ bytes: Uint8Array; lineFeeds: number }> {
	const bytes = new Uint8Array(file.size);
	let lineFeeds = 0;
	let offset = 0;
	const reader = file.stream().getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes.set(value, offset);
		offset += value.length;
		lineFeeds += countLineFeeds(value);
		onProgress(offset, lineFeeds);
	}
	return { bytes, lineFeeds };
}

/**
 * What a CSV file is, before validation: its encoding, its table (recognised from the header the
 * way the validator does) and its bytes as UTF-8. Transcoding Windows-1252 here, off the main
 * thread, leaves the validator only the fast UTF-8 decoding to do.
 */
export function inspectCsv(name: string, bytes: Uint8Array, lineFeeds = countLineFeeds(bytes)): ReadFile {
	const rows = csvRows(lineFeeds, bytes);
	if (sniffKind(bytes) !== 'csv') return { name, bytes, kind: 'other', encoding: null, rows: 0, table: null };
	const { text, encoding, mixed } = decodeText(bytes);
	const header = detectDialect(text.slice(0, HEADER_SAMPLE)).header;
	const table = recognizeTable(header, name).table?.name ?? null;
	const utf8 = encoding === 'utf-8' ? bytes : new TextEncoder().encode(text);
	return { name, bytes: utf8, kind: 'csv', encoding, rows, table, text, mixedEncodingLine: mixed?.line };
}
