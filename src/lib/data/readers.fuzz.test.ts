// Fuzzing the readers that run before DuckDB (issue 13, point 9): decoding, kind sniffing, dialect
// detection and the record scan take any bytes or text without throwing, and keep their invariants.
// Seeds: `FUZZ_SEED` replays a run, `FUZZ_RUNS` scales the runs (tests/fuzz/arbitraries.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode, nearValidCsv, noiseBytes, runs, SEED, trickyText, writeCsv } from '../../../tests/fuzz/arbitraries';
import { decodeText, sniffKind } from './decode';
import { blankLines, detectDialect, sampleRecords } from './dialect';
import { scanCsv } from './scan';

const params = (numRuns: number) => ({ seed: SEED, numRuns: runs(numRuns) });
console.info(`readers fuzz: FUZZ_SEED=${SEED}`);

const anyBytes = fc.oneof(noiseBytes, nearValidCsv.map((c) => c.bytes));
const anyText = fc.oneof(trickyText, nearValidCsv.map((c) => c.text), fc.string({ unit: 'binary', maxLength: 200 }));
const isUtf8 = (bytes: Uint8Array) => {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
};
const KINDS = ['csv', 'parquet', 'parquet-truncated', 'excel', 'utf16', 'binary'];

describe('decoding and sniffing any bytes', () => {
	it('names a kind for any bytes, never throwing', () => {
		fc.assert(
			fc.property(anyBytes, (bytes) => {
				expect(KINDS).toContain(sniffKind(bytes));
			}),
			params(500)
		);
	});

	it('decodes any bytes to text, as UTF-8 when they are UTF-8 (byte order mark dropped)', () => {
		fc.assert(
			fc.property(anyBytes, (bytes) => {
				const d = decodeText(bytes);
				expect(typeof d.text).toBe('string');
				expect(['utf-8', 'windows-1252']).toContain(d.encoding);
				if (d.mixed) expect(d.mixed.line).toBeGreaterThanOrEqual(1);
			}),
			params(500)
		);
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
				const body = text.replace(/^\ufeff/, '');
				expect(decodeText(encode(`\ufeff${body}`, 'utf-8'))).toEqual({ text: body, encoding: 'utf-8' });
			}),
			params(300)
		);
	});

	it('reads Windows-1252 back as it was written, or warns that it mixes encodings', () => {
		const latin = fc.string({ unit: fc.constantFrom(...'abcz AZ09;,"\néèçàÉÇœ€’«»°'.split('')), maxLength: 60 });
		fc.assert(
			fc.property(latin, (text) => {
				const bytes = encode(text, 'windows-1252');
				// « Ç° » (C7 B0) is also valid UTF-8 (« ǰ »): such bytes are UTF-8 by design.
				fc.pre(!isUtf8(bytes));
				// A line whose bytes are also UTF-8 (« Çœ » is C7 9C) is read so, with a warning: never silently.
				const d = decodeText(bytes);
				if (d.mixed === undefined) expect(d.text).toBe(text);
			}),
			params(300)
		);
	});
});

describe('detecting the dialect and sampling records of any text', () => {
	it('never throws, and gives a delimiter the reader knows', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const d = detectDialect(text);
				expect([',', ';']).toContain(d.delimiter);
				expect(['.', ',']).toContain(d.decimalSeparator);
				expect(Array.isArray(d.header)).toBe(true);
				for (const line of blankLines(text)) expect(line).toBeGreaterThan(1);
			}),
			params(500)
		);
	});

	it('splits a well-written CSV back into its cells', () => {
		const cells = fc.array(fc.array(trickyText.map((t) => t.replace(/\ufeff/g, '')), { minLength: 2, maxLength: 2 }), {
			minLength: 1,
			maxLength: 8
		});
		fc.assert(
			fc.property(cells, fc.constantFrom(',' as const, ';' as const), fc.boolean(), (rows, delimiter, quoteAll) => {
				const text = writeCsv(rows, { delimiter, quoteAll, newline: '\r\n', finalNewline: true, bom: false });
				expect(sampleRecords(text, delimiter)).toEqual(rows);
			}),
			params(300)
		);
	});
});

describe('scanning any text into records', () => {
	it('never throws; bad and blank records are lines after the header, in order; no NUL reaches DuckDB', () => {
		fc.assert(
			fc.property(anyText, fc.constantFrom(',', ';'), fc.integer({ min: 1, max: 8 }), fc.boolean(), (text, delim, columns, count) => {
				const scan = scanCsv(text, delim, columns, count);
				const lines = [...scan.bad.map((b) => b.line), ...scan.blank];
				for (const line of lines) expect(line).toBeGreaterThanOrEqual(2);
				expect(new Set(lines).size).toBe(lines.length);
				expect(scan.bad.map((b) => b.line)).toEqual([...scan.bad.map((b) => b.line)].sort((a, b) => a - b));
				expect(scan.kept).toBeGreaterThanOrEqual(0);
				if (!scan.header.problem) expect(scan.text).not.toContain('\u0000');
				for (const b of scan.bad) expect(b.reason).toMatch(/[a-zé]/);
			}),
			params(500)
		);
	});

	it('keeps every row of a well-written CSV, and no other', () => {
		const row = fc.array(
			trickyText.map((t) => t.replaceAll('\u0000', '').replaceAll('\ufeff', '')),
			{ minLength: 3, maxLength: 3 }
		);
		fc.assert(
			fc.property(
				fc.array(row, { maxLength: 10 }),
				fc.constantFrom(',' as const, ';' as const),
				fc.constantFrom('\n' as const, '\r\n' as const),
				fc.boolean(),
				(rows, delimiter, newline, quoteAll) => {
					const text = writeCsv([['a', 'b', 'c'], ...rows], { delimiter, quoteAll, newline, finalNewline: true, bom: false });
					const scan = scanCsv(text, delimiter, 3, true);
					expect(scan.bad).toEqual([]);
					expect(scan.blank).toEqual([]);
					expect(scan.kept).toBe(rows.length);
				}
			),
			params(300)
		);
	});
});
