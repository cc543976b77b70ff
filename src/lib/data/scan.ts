import { LIMITS } from './limits';
import { lineSpan } from '../format/text';

/** A record the CSV reader must not be given: its line (as the report counts them) and why, in French. */
export type BadRecord = { line: number; text: string; reason: string };

/** How a CSV text splits into records, read the way DuckDB's CSV reader does, before it reads it. */
export type Scan = {
	/** Records after the header that hold data (blank ones aside). */
	kept: number;
	/** Lines (header = 1) of the blank records after the header: DuckDB skips them. */
	blank: number[];
	/** Records DuckDB would reject or misread: each one is left out of the text it gets. */
	bad: BadRecord[];
	/** The text to hand DuckDB: the file's own text, or it without its bad records. */
	text: string;
	/** The record separator of `text`, to tell DuckDB (`new_line`). */
	newLine: NewLine;
	/** Physical lines of the file (line breaks inside quotes counted). */
	physicalLines: number;
	/** The header's fields, and why it cannot be read (then nothing after it is). */
	header: { fields: number; problem: string | null };
};

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const PREVIEW = 1000;

const count = (n: number) => n.toLocaleString('fr-FR');
/** A line's text for the report: cut, control characters shown as spaces. */
const preview = (text: string) =>
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
	text.slice(0, PREVIEW).replace(/[\u0000-\u0008\u000b-\u001f]/g, ' ');

/** End of the physical line that starts at `from` (the index of its line break, or the text's end). */
function lineEnd(text: string, from: number): number {
	for (let i = from; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === LF || c === CR) return i;
	}
	return text.length;
}

/** Index just after the line break at `at` (CRLF counts as one). */
const afterBreak = (text: string, at: number) =>
	at >= text.length ? at : text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;

/** A record separator DuckDB's reader is told to expect (`new_line`). */
export type NewLine = '\n' | '\r\n' | '\r';

/**
 * The text with one kind of record separator, and that kind. DuckDB's strict reader refuses a file
 * that mixes CRLF, LF or CR between records (two exports pasted together), and guesses the kind
 * from the first line break it meets, even one inside a quoted header cell (it then reads no row at
 * all): it is told the kind instead. Only the breaks between records change: a line break inside
 * a quoted cell is the user's value and stays as written, CR and CRLF included. `text` holds only
 * records the scan kept, so the quotes can be followed as `readRecord` does.
 */
function uniformBreaks(text: string, delimiter: number): { text: string; newLine: NewLine } {
	const crlf = text.includes('\r\n');
	const cr = /\r(?!\n)/.test(text);
	const lf = /(^|[^\r])\n/.test(text);
	if (Number(crlf) + Number(cr) + Number(lf) <= 1) return { text, newLine: crlf ? '\r\n' : cr ? '\r' : '\n' };
	const parts: string[] = [];
	let run = 0;
	let quoted = false;
	let fieldStart = true;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (quoted) {
			if (c === QUOTE) {
				if (text.charCodeAt(i + 1) === QUOTE) i++;
				else quoted = false;
			}
		} else if (c === CR || c === LF) {
			parts.push(text.slice(run, i), '\n');
			if (c === CR && text.charCodeAt(i + 1) === LF) i++;
			run = i + 1;
			fieldStart = true;
		} else if (c === delimiter) fieldStart = true;
		else if (c === QUOTE && fieldStart) {
			quoted = true;
			fieldStart = false;
		} else if (c !== SPACE) fieldStart = false;
	}
	parts.push(text.slice(run));
	return { text: parts.join(''), newLine: '\n' };
}

type RecordRead = { end: number; fields: number; empty: boolean; lines: number; problem: string | null; quoteLine: number };

/**
 * Reads one record from `start` (RFC 4180 as DuckDB reads it: a quote opens a field only at its
 * start, spaces before it aside; `""` escapes a quote; after the closing quote only spaces may come
 * before the delimiter). A tab is not a space there: DuckDB reads `\t"a"` as the plain text it is,
 * and refuses a tab after a closing quote (after the header's, it silently read no row at all: fuzz
 * seed 447116633). Stops early, with a problem, past the line length limit.
 */
function readRecord(text: string, start: number, delimiter: number, startLine: number): RecordRead {
	let fields = 1;
	let empty = true;
	let lines = 1;
	let i = start;
	let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';
	let quoteLine = 0;
	const limit = start + LIMITS.lineChars;
	for (; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// Past the limit, only the break that ends a record of exactly `lineChars` characters may come.
		if (i >= limit && (state === 'quoted' || (c !== LF && c !== CR)))
			return {
				end: i,
				fields,
				empty,
				lines,
				problem: state === 'quoted' ? 'unclosed' : `ligne de plus de ${count(LIMITS.lineChars)} caractères`,
				quoteLine
			};
		if (c === 0) return { end: i, fields, empty, lines, problem: 'octet nul (caractère 0) dans la ligne', quoteLine };
		if (state === 'quoted') {
			if (c === QUOTE) {
				if (text.charCodeAt(i + 1) === QUOTE) i++;
				else state = 'closed';
			} else if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) lines++;
			continue;
		}
		if (c === LF || c === CR) break;
		if (c === delimiter) {
			fields++;
			state = 'start';
			continue;
		}
		if (state === 'closed') {
			if (c !== SPACE)
				return { end: i, fields, empty: false, lines, problem: 'texte après un guillemet fermant', quoteLine };
			continue;
		}
		if (state === 'start' && c === QUOTE) {
			state = 'quoted';
			empty = false;
			quoteLine = startLine + lines - 1;
		} else if (state === 'start' && c === SPACE) empty = false;
		else {
			state = 'plain';
			empty = false;
		}
	}
	const problem = state === 'quoted' ? 'unclosed' : null;
	return { end: i, fields, empty: empty && fields === 1, lines, problem, quoteLine };
}

/** Line breaks in `text` from `from` to `to` (CRLF counts once). */
function breaks(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
	}
	return n;
}

/**
 * Why a record whose quote is still open at its end (the text's, or the line length limit) is
 * refused, naming the lines the quote would swallow: up to its closing quote, or to the end.
 */
function unclosedQuote(text: string, r: RecordRead, first: number): string {
	const from = r.quoteLine;
	const closing = text.indexOf('"', r.end);
	// A final line break ends the last line; it does not start another.
	const last =
		closing === -1
			? first + r.lines - 1 + breaks(text, r.end, text.length) - (/[\r\n]$/.test(text) ? 1 : 0)
			: first + r.lines - 1 + breaks(text, r.end, closing);
	if (closing !== -1 && last === first) return `ligne de plus de ${count(LIMITS.lineChars)} caractères`;
	const fate = `seule la ligne ${count(first)} est écartée, la lecture reprend à la suivante`;
	return closing === -1
		? `guillemet ouvert ligne ${count(from)} et jamais fermé : ${lineSpan(from, last, count)} ; ${fate}`
		: `guillemet ouvert ligne ${count(from)} et fermé seulement ligne ${count(last)} (plus de ${count(LIMITS.lineChars)} caractères) : ${fate}`;
}

/**
 * Splits a CSV text into records as DuckDB's reader would, before it reads anything, so that every
 * line of the file is accounted for: a record with the wrong number of fields, a quote never
 * closed, text after a closing quote, a NUL byte or a line over `LIMITS.lineChars` becomes a bad
 * record, named by its line, and reading goes on at the next physical line (one stray quote costs
 * its own line, not the rest of the file). Line numbers count records, header = 1, as a
 * spreadsheet does; a bad record counts as one line. Linear in the text's length.
 *
 * Without `countFields`, the fields of plain lines (no quote, NUL or CR) are not counted: DuckDB's
 * strict reader then checks them, and only a file it refuses is scanned again, counting (a third
 * of the time of a clean file's read was spent counting).
 */
export function scanCsv(text: string, delimiter: string, columns: number, countFields = true): Scan {
	const delim = delimiter.charCodeAt(0);
	const blank: number[] = [];
	const bad: BadRecord[] = [];
	// The text DuckDB gets: runs of the file's own text between bad records (built only when needed).
	let parts: string[] | null = null;
	let run = 0;
	let kept = 0;
	let line = 1;
	const header = readRecord(text, 0, delim, 1);
	const headerProblem = header.problem === 'unclosed' ? 'guillemet ouvert et jamais fermé' : header.problem;
	let physical = header.lines;
	let i = afterBreak(text, header.end);
	const n = text.length;
	const fieldsProblem = (fields: number) =>
		`${fields} champ${fields > 1 ? 's' : ''} au lieu ${columns > 1 ? 'des' : 'du'} ${columns} de l’en-tête`;
	// Where the next quote, NUL, CR and LF are: a line before all but its own break takes the fast path.
	const next = { quote: -1, nul: -1, cr: -1, lf: -1 };
	const find = (key: keyof typeof next, char: string) => {
		if (next[key] !== -1 && next[key] < i) next[key] = text.indexOf(char, i);
		return next[key] === -1 ? n : next[key];
	};
	next.quote = next.nul = next.cr = next.lf = 0;
	while (!headerProblem && i < n) {
		line++;
		const first = physical + 1;
		const lf = find('lf', '\n');
		const end = lf > i && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
		let problem: string | null = null;
		let after: number;
		let lines = 1;
		let empty: boolean;
		if (find('quote', '"') >= end && find('nul', '\u0000') >= end && find('cr', '\r') >= end && end - i <= LIMITS.lineChars) {
			// Fast path: a plain line, its fields counted by its delimiters.
			empty = end === i;
			if (countFields && !empty) {
				let fields = 1;
				for (let k = i; k < end; k++) if (text.charCodeAt(k) === delim) fields++;
				if (fields !== columns) problem = fieldsProblem(fields);
			}
			after = lf === n ? n : lf + 1;
		} else {
			const r = readRecord(text, i, delim, first);
			problem = r.problem === 'unclosed' ? unclosedQuote(text, r, first) : r.problem;
			if (!problem && !r.empty && r.fields !== columns) problem = fieldsProblem(r.fields);
			empty = r.empty;
			lines = r.lines;
			after = afterBreak(text, r.end);
		}
		if (problem) {
			// Read again from the next physical line: a stray quote swallows nothing after its own line.
			const stop = lineEnd(text, i);
			bad.push({ line, text: preview(text.slice(i, stop)), reason: problem });
			(parts ??= []).push(text.slice(run, i));
			i = run = afterBreak(text, stop);
			physical++;
			continue;
		}
		if (empty) blank.push(line);
		else kept++;
		i = after;
		physical += lines;
	}
	if (parts) parts.push(text.slice(run));
	const uniform = uniformBreaks(parts ? parts.join('') : text, delim);
	return {
		kept,
		blank,
		bad,
		...uniform,
		physicalLines: physical,
		header: { fields: header.fields, problem: headerProblem }
	};
}
