/** Text encodings the reader accepts; anything else is read as Windows-1252, which never fails. */
export type Encoding = 'utf-8' | 'windows-1252';

/** What the first bytes of a file say it is. */
export type FileKind = 'csv' | 'parquet' | 'excel' | 'binary';

const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // .xlsx, .ods
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // .xls
const SNIFF_BYTES = 65_536;

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
	return bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
}

/**
 * Tells a CSV from a Parquet file, a spreadsheet workbook or other binary data, by content only
 * (a file's name may lie: `export.csv` saved as a workbook is common).
 */
export function sniffKind(bytes: Uint8Array): FileKind {
	if (startsWith(bytes, PARQUET_MAGIC) && startsWith(bytes, PARQUET_MAGIC, bytes.length - 4)) return 'parquet';
	if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, OLE_MAGIC)) return 'excel';
	const end = Math.min(bytes.length, SNIFF_BYTES);
	for (let i = 0; i < end; i++) if (bytes[i] === 0) return 'binary';
	return 'csv';
}

/** Windows-1252 bytes 0x80–0x9F (where it differs from Latin-1), as Unicode. */
const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node's TextDecoder decodes the `windows-1252` label as Latin-1 (0x92 becomes U+0092 instead of
 * `’`); browsers do not. Mapping the C1 controls back fixes it and changes nothing where decoding
 * was already right.
 */
function fixC1(text: string): string {
	return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => C1[c.charCodeAt(0) - 0x80]) : text;
}

/**
 * Decodes bytes as UTF-8 (a byte order mark is removed) when they are valid UTF-8, else as
 * Windows-1252, the encoding of Excel's « CSV (séparateur : point-virgule) » on French Windows.
 * DuckDB-WASM cannot read Windows-1252 itself, hence decoding here and handing it UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: fixC1(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252' };
	}
}
