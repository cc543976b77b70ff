import { LIMITS } from './limits';

/** Field delimiters the reader accepts. */
export type Delimiter = ',' | ';';
export type DecimalSeparator = '.' | ',';

/** How a CSV text is written, as far as the reader needs to know. */
export type Dialect = {
	delimiter: Delimiter;
	decimalSeparator: DecimalSeparator;
	/** The header's cells, as the user wrote them (quotes removed). */
	header: string[];
};

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SAMPLE_RECORDS = 1000;
/** Characters sampled: more than the longest header the scan accepts (`LIMITS.lineChars`). */
const SAMPLE_CHARS = 2 * LIMITS.lineChars;
const DECIMAL_COMMA = /^\s*[+-]?\d+,\d+\s*$/;

/**
 * Splits the first `limit` records of a CSV text into cells (RFC 4180: `"` quotes, `""` escapes a
 * quote, a quoted field may hold delimiters and line breaks; CRLF or LF). Only for sampling: the
 * whole file is read by DuckDB.
 */
export function sampleRecords(text: string, delimiter: string, limit = SAMPLE_RECORDS): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length && records.length < limit; i++) {
		const c = text[i];
		if (quoted) {
			if (c !== '"') cell += c;
			else if (text[i + 1] !== '"') quoted = false;
			else {
				cell += '"';
				i++;
			}
		} else if (c === '"') quoted = true;
		else if (c === delimiter) {
			record.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			record.push(cell);
			if (record.length > 1 || record[0] !== '') records.push(record);
			record = [];
			cell = '';
		} else cell += c;
	}
	if (records.length < limit && (cell !== '' || record.length > 0)) records.push([...record, cell]);
	return records;
}

/** Counts each candidate delimiter outside quotes in the first record (the header). */
function detectDelimiter(text: string): Delimiter {
	let semicolons = 0;
	let commas = 0;
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (quoted) continue;
		else if (c === ';') semicolons++;
		else if (c === ',') commas++;
		else if (c === '\n' || c === '\r') break;
	}
	return semicolons > commas ? ';' : ',';
}

/**
 * Detects the delimiter (`,` or `;`, from the header) and the decimal separator: a comma when the
 * delimiter is `;` and numeric-looking cells of the first records use one (DuckDB does not detect it).
 */
export function detectDialect(text: string): Dialect {
	// The first records are all it needs: a line of 32 MB must not be copied cell by cell.
	const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
	const delimiter = detectDelimiter(sample);
	const [header = [], ...rows] = sampleRecords(sample, delimiter);
	const decimalComma = delimiter === ';' && rows.some((row) => row.some((cell) => DECIMAL_COMMA.test(cell)));
	return { delimiter, decimalSeparator: decimalComma ? ',' : '.', header };
}

/**
 * Line numbers (header = 1, counting records, not physical lines) of the empty records after the
 * header: DuckDB skips them, a spreadsheet shows them, so the line numbers of later rows shift.
 */
export function blankLines(text: string): number[] {
	if (!/\n\r?\n/.test(text)) return [];
	const lines: number[] = [];
	let line = 1;
	let start = 0;
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === QUOTE) quoted = !quoted;
		else if (c === LF && !quoted) {
			const empty = i === start || (i === start + 1 && text.charCodeAt(start) === CR);
			if (empty && line > 1) lines.push(line);
			line++;
			start = i + 1;
		}
	}
	return lines;
}
