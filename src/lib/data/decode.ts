/** Text encodings the reader accepts; anything else is read as Windows-1252, which never fails. */
export type Encoding = 'utf-8' | 'windows-1252';

/**
 * What the bytes of a file say it is: `parquet-truncated` starts as Parquet but lacks its end (an
 * interrupted download or copy); `utf16` is text in UTF-16 (a byte order mark, or every other byte
 * NUL), which DuckDB cannot read.
 */
export type FileKind = 'csv' | 'parquet' | 'parquet-truncated' | 'excel' | 'utf16' | 'binary';

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
	if (startsWith(bytes, PARQUET_MAGIC))
		return bytes.length >= 8 && startsWith(bytes, PARQUET_MAGIC, bytes.length - 4) ? 'parquet' : 'parquet-truncated';
	if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, OLE_MAGIC)) return 'excel';
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'utf16';
	const end = Math.min(bytes.length, SNIFF_BYTES);
	const nuls = [0, 0];
	for (let i = 0; i < end; i++) if (bytes[i] === 0) nuls[i % 2]++;
	// ASCII text in UTF-16: one byte of each pair is NUL, nearly always.
	if (end >= 4 && Math.max(...nuls) > end * 0.4) return 'utf16';
	// A few NUL bytes in text are the text's own problem (the lines holding them are refused);
	// many of them, binary data.
	return nuls[0] + nuls[1] > end / 100 ? 'binary' : 'csv';
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
export function decodeText(bytes: Uint8Array): Decoded {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		if (hasUtf8Sequence(bytes)) return decodeMixed(bytes);
		return { text: fixC1(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252' };
	}
}

/** A decoded text; `mixed` when its lines mix UTF-8 and Windows-1252 (each then decoded in its own). */
export type Decoded = {
	text: string;
	encoding: Encoding;
	/** The first line in the file's other encoding (lines count from 1, header included). */
	mixed?: { line: number };
};

/** Whether the bytes hold a valid UTF-8 sequence of two bytes or more (« é » is C3 A9). */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
	for (let i = 0; i < bytes.length - 1; i++) {
		const b = bytes[i];
		if (b < 0xc2 || b > 0xf4) continue;
		const length = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
		let valid = i + length <= bytes.length;
		for (let k = 1; valid && k < length; k++) valid = (bytes[i + k] & 0xc0) === 0x80;
		if (valid) return true;
	}
	return false;
}

/**
 * Decodes line by line: a line that is valid UTF-8 as UTF-8, any other as Windows-1252 (two exports
 * pasted together). The file reads right instead of « BesanÃ§on »; the report still warns.
 */
function decodeMixed(bytes: Uint8Array): Decoded {
	const utf8 = new TextDecoder('utf-8', { fatal: true });
	const legacy = new TextDecoder('windows-1252');
	const parts: string[] = [];
	const first: Partial<Record<Encoding, number>> = {};
	let start = 0;
	for (let line = 1; start < bytes.length; line++) {
		const lf = bytes.indexOf(0x0a, start);
		const end = lf === -1 ? bytes.length : lf + 1;
		const chunk = bytes.subarray(start, end);
		try {
			parts.push(utf8.decode(chunk));
			if (chunk.some((b) => b >= 0x80)) first['utf-8'] ??= line;
		} catch {
			parts.push(fixC1(legacy.decode(chunk)));
			first['windows-1252'] ??= line;
		}
		start = end;
	}
	const [a = 1, b = 1] = [first['utf-8'], first['windows-1252']];
	return { text: parts.join(''), encoding: a < b ? 'utf-8' : 'windows-1252', mixed: { line: Math.max(a, b) } };
}
