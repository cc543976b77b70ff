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
