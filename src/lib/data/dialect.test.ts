import { describe, expect, it } from 'vitest';
import { blankLines, detectDialect, sampleRecords } from './dialect';

describe('detectDialect', () => {
	it('detects a semicolon delimiter and decimal commas', () => {
		const text = 'ml_id;nom;effectif_etp\r\nML-1;"Paris; siège";32,5\r\n';
		expect(detectDialect(text)).toEqual({
			delimiter: ';',
			decimalSeparator: ',',
			header: ['ml_id', 'nom', 'effectif_etp']
		});
	});

	it('keeps a decimal point with a comma delimiter, even when a quoted cell holds a comma', () => {
		expect(detectDialect('ml_id,nom,effectif_etp\nML-1,"Paris, siège",32.5\n')).toMatchObject({
			delimiter: ',',
			decimalSeparator: '.'
		});
	});

	it('ignores delimiters inside a quoted header cell', () => {
		expect(detectDialect('"a;b;c",d,e\n1,2,3\n').delimiter).toBe(',');
	});
});

describe('sampleRecords', () => {
	it('keeps quoted line breaks and doubled quotes inside one cell', () => {
		expect(sampleRecords('a,b\n1,"x\r\ny ""z"""\n2,3', ',')).toEqual([
			['a', 'b'],
			['1', 'x\r\ny "z"'],
			['2', '3']
		]);
	});
});

describe('blankLines', () => {
	it('numbers empty records, not physical lines, and ignores blank lines inside quotes', () => {
		const text = 'a;b\n1;"x\n\ny"\n\n2;3\r\n\r\n4;5\n';
		// records: 1 header, 2 "1;x..y", 3 blank, 4 "2;3", 5 blank, 6 "4;5"
		expect(blankLines(text)).toEqual([3, 5]);
	});

	it('finds nothing in a file without blank lines', () => {
		expect(blankLines('a;b\n1;2\n')).toEqual([]);
	});
});

describe('detectDialect, case by case', () => {
	it('sees a decimal comma in any sampled row, signed or padded, but never in the header', () => {
		expect(detectDialect('a;b\n1;2\nx;-1,5\n').decimalSeparator).toBe(',');
		expect(detectDialect('a;b\nx; +12,25 \n').decimalSeparator).toBe(',');
		expect(detectDialect('a;1,5\nx;y\n').decimalSeparator).toBe('.');
		for (const cell of ['1,', ',5', '1,5a', '1,5,5', '"1;5"'])
			expect(detectDialect(`a;b\nx;${cell}\n`).decimalSeparator).toBe('.');
	});

	it('takes a comma on a tie, and counts the header only, up to its line break (LF or CR)', () => {
		expect(detectDialect('a;b,c\n1;2;3;4\n').delimiter).toBe(',');
		expect(detectDialect('a;b;c\r1,2,3,4,5\r').delimiter).toBe(';');
		expect(detectDialect('a,b,c\n1;2;3;4;5\n').delimiter).toBe(',');
	});

	it('counts no delimiter inside a quoted header cell', () => {
		expect(detectDialect('"nom;prénom;ville",ml_id\nx,y\n').delimiter).toBe(',');
	});

	it('sees no decimal comma in a comma-delimited file, even in a quoted cell', () => {
		expect(detectDialect('a,b\nx,"1,5"\n')).toEqual({ delimiter: ',', decimalSeparator: '.', header: ['a', 'b'] });
	});

	it('gives an empty text an empty header', () => {
		expect(detectDialect('')).toEqual({ delimiter: ',', decimalSeparator: '.', header: [] });
	});

	it('reads the header of a text longer than its sample, the rest left to DuckDB', () => {
		const text = `ml_id;nom\nML-1;${'x'.repeat(2_100_000)}\nML-2;3,5\n`;
		expect(detectDialect(text)).toEqual({ delimiter: ';', decimalSeparator: '.', header: ['ml_id', 'nom'] });
	});
});

describe('sampleRecords, case by case', () => {
	it('stops at its limit, skips empty records and keeps a last record without a line break', () => {
		expect(sampleRecords('a,b\n1,2\n3,4\n', ',', 2)).toEqual([
			['a', 'b'],
			['1', '2']
		]);
		expect(sampleRecords('a\n\n\nb\rc\r\nd,', ',')).toEqual([['a'], ['b'], ['c'], ['d', '']]);
		expect(sampleRecords('', ',')).toEqual([]);
		expect(sampleRecords('a,b\n', ',', 1)).toEqual([['a', 'b']]);
	});
});

describe('blankLines, case by case', () => {
	it('counts blank CRLF records and records of one CR, but not a blank first line', () => {
		expect(blankLines('a\r\n\r\nb\r\n')).toEqual([2]);
		expect(blankLines('\na\n\nb\n')).toEqual([3]);
		// A record of two characters is not blank, even one starting with CR.
		expect(blankLines('a\n\rx\n\nb\n')).toEqual([3]);
	});
});
