import { describe, expect, it } from 'vitest';
import { decodeText, sniffKind } from './decode';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('decodeText', () => {
	it('reads UTF-8 and drops its byte order mark', () => {
		const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('ml_id;nom\nML-1;Évry')]);
		expect(decodeText(withBom)).toEqual({ text: 'ml_id;nom\nML-1;Évry', encoding: 'utf-8' });
	});

	it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
		// « l’Évry » in Windows-1252: ’ = 0x92, É = 0xC9
		expect(decodeText(bytes(0x6c, 0x92, 0xc9, 0x76, 0x72, 0x79))).toEqual({ text: 'l’Évry', encoding: 'windows-1252' });
	});

	it('decodes the bytes where Windows-1252 differs from Latin-1 (€, œ, quotes, dashes)', () => {
		const { text } = decodeText(bytes(0x80, 0x20, 0x9c, 0x75, 0x76, 0x72, 0x65, 0x20, 0x93, 0x96, 0x94, 0x20, 0x85));
		expect(text).toBe('€ œuvre “–” …');
	});
});

describe('sniffKind', () => {
	it('tells CSV, Parquet, workbooks and other binaries apart by content', () => {
		expect(sniffKind(new TextEncoder().encode('a;b\n1;2\n'))).toBe('csv');
		expect(sniffKind(bytes(0x50, 0x41, 0x52, 0x31, 0, 0, 0x50, 0x41, 0x52, 0x31))).toBe('parquet');
		expect(sniffKind(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe('excel');
		expect(sniffKind(bytes(0x7f, 0x45, 0x4c, 0x46, 0, 1))).toBe('binary');
		expect(sniffKind(bytes())).toBe('csv');
	});
});

describe('sniffKind at its boundaries', () => {
	const text = (s: string) => new TextEncoder().encode(s);
	const PAR1 = [0x50, 0x41, 0x52, 0x31];

	it('calls a Parquet file without its closing magic, or too short to hold both, truncated', () => {
		expect(sniffKind(bytes(...PAR1, 1, 2, 3, 4))).toBe('parquet-truncated');
		// Eight bytes is the shortest Parquet file: its two magics.
		expect(sniffKind(bytes(...PAR1, ...PAR1))).toBe('parquet');
		expect(sniffKind(bytes(...PAR1, 0x52, 0x31))).toBe('parquet-truncated');
		expect(sniffKind(bytes(...PAR1))).toBe('parquet-truncated');
	});

	it('knows an old Excel workbook (.xls) and UTF-16 by either byte order mark', () => {
		expect(sniffKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1))).toBe('excel');
		expect(sniffKind(bytes(0xd0, 0xcf, 0x11, 0xe1, 0xa1))).toBe('csv');
		expect(sniffKind(bytes(0xff, 0xfe, 0x61, 0))).toBe('utf16');
		expect(sniffKind(bytes(0xfe, 0xff, 0, 0x61))).toBe('utf16');
	});

	it('knows UTF-16 without a mark by its NUL bytes on one side of each pair, from four bytes', () => {
		const utf16le = (s: string) => bytes(...[...s].flatMap((c) => [c.charCodeAt(0), 0]));
		expect(sniffKind(utf16le('ml_id;nom\n'))).toBe('utf16');
		expect(sniffKind(bytes(0, 0x61, 0, 0x62))).toBe('utf16');
		// Under four bytes there is too little to tell: a NUL among so few is binary data.
		expect(sniffKind(bytes(0x61, 0))).toBe('binary');
		// NUL on one side in more than 40 % of the bytes: 8 of 20 is not yet UTF-16, 9 is.
		const pairs = (nuls: number) => bytes(...Array.from({ length: 10 }, (_, i) => [0x61, i < nuls ? 0 : 0x62]).flat());
		expect(sniffKind(pairs(8))).toBe('binary');
		expect(sniffKind(pairs(9))).toBe('utf16');
	});

	it('reads a few NUL bytes as text (1 in 100), more as binary data, counting in the first 64 KB only', () => {
		const withNuls = (length: number, nuls: number[]) => {
			const b = text('a'.repeat(length));
			for (const at of nuls) b[at] = 0;
			return b;
		};
		expect(sniffKind(withNuls(200, [10, 100]))).toBe('csv');
		expect(sniffKind(withNuls(200, [10, 100, 150]))).toBe('binary');
		// NUL bytes beyond the sniffed start are the lines' own problem, not the file's kind.
		expect(sniffKind(withNuls(70_000, [65_540, 65_542, 65_544, 66_000, 67_000, 68_000, 69_000]))).toBe('csv');
		expect(sniffKind(withNuls(70_000, Array.from({ length: 656 }, (_, i) => i * 99 + 1)))).toBe('binary');
		// 655 NULs in the first 65 536 bytes are text (655.36 allowed); the byte just after is not counted.
		const atLimit = Array.from({ length: 655 }, (_, i) => i * 99 + 1);
		expect(sniffKind(withNuls(70_000, [...atLimit, 65_536]))).toBe('csv');
	});
});

describe('decodeText on files mixing two encodings', () => {
	const utf8 = (s: string) => [...new TextEncoder().encode(s)];

	it('reads each line in its own encoding and names the first line in the other one', () => {
		// Header and line 2 in UTF-8 (« Besançon »), line 3 in Windows-1252 (« Épinal », É = 0xC9).
		const file = bytes(...utf8('nom\nBesançon\n'), 0xc9, ...utf8('pinal\n'));
		expect(decodeText(file)).toEqual({
			text: 'nom\nBesançon\nÉpinal\n',
			encoding: 'utf-8',
			mixed: { line: 3 }
		});
	});

	it('calls the file Windows-1252 when that encoding comes first, with the C1 bytes mapped', () => {
		const file = bytes(...utf8('nom\n'), 0x92, ...utf8('x\nl'), 0xc3, 0xa9, ...utf8('a'));
		expect(decodeText(file)).toEqual({ text: 'nom\n’x\nléa', encoding: 'windows-1252', mixed: { line: 3 } });
	});

	it('reads a lone byte that only starts a UTF-8 sequence as Windows-1252, not as a mix', () => {
		// 0xC3 followed by a plain letter is no UTF-8 sequence: « Ã© » is not there to be fixed.
		expect(decodeText(bytes(0x61, 0xc3, 0x62))).toEqual({ text: 'aÃb', encoding: 'windows-1252' });
		// A three-byte sequence (« € » is E2 82 AC) is UTF-8 in a file otherwise Windows-1252.
		expect(decodeText(bytes(0xe2, 0x82, 0xac, 0x0a, 0xe9)).mixed).toEqual({ line: 2 });
		// Cut short at the end of the file, it is not.
		expect(decodeText(bytes(0xe9, 0x0a, 0xe2, 0x82))).toEqual({ text: 'é\nâ‚', encoding: 'windows-1252' });
	});

	it('finds a UTF-8 sequence that ends the file, or starts with C2 (« « » is C2 AB)', () => {
		// Line 1 in Windows-1252 (« Évry »), line 2 in UTF-8 (« Noé »), without a final line break.
		expect(decodeText(bytes(0xc9, ...utf8('vry\nNoé')))).toEqual({
			text: 'Évry\nNoé',
			encoding: 'windows-1252',
			mixed: { line: 2 }
		});
		expect(decodeText(bytes(...utf8('« Paris »\n'), 0xe9))).toEqual({
			text: '« Paris »\né',
			encoding: 'utf-8',
			mixed: { line: 2 }
		});
	});

	it('calls a line that mixes both encodings itself Windows-1252, the file mixed from that line', () => {
		// « Orléans » pasted in UTF-8 into a Windows-1252 line: the line reads as Windows-1252.
		expect(decodeText(bytes(...utf8('Orléans;'), 0xc9, ...utf8('vry')))).toEqual({
			text: 'OrlÃ©ans;Évry',
			encoding: 'windows-1252',
			mixed: { line: 1 }
		});
	});

	it('does not take Windows-1252 letters before symbols for UTF-8 sequences', () => {
		// « à » (E0) then a no-break space (A0) then a digit: E0 starts three bytes, not two.
		expect(decodeText(bytes(0xe0, 0xa0, ...utf8('3 ans')))).toEqual({ text: 'à\u00a03 ans', encoding: 'windows-1252' });
		// « ð » (F0) starts four bytes, « ÿ » (FF) none, whatever follows (‘ ’ “ are 91 92 93).
		expect(decodeText(bytes(0xf0, 0x91, 0x92, 0x61))).toEqual({ text: 'ð‘’a', encoding: 'windows-1252' });
		expect(decodeText(bytes(0xff, 0x91, 0x92, 0x93))).toEqual({ text: 'ÿ‘’“', encoding: 'windows-1252' });
	});
});

describe('decodeText in Windows-1252', () => {
	it('maps a file made only of the bytes where it differs from Latin-1 (« € » alone)', () => {
		expect(decodeText(bytes(0x80))).toEqual({ text: '€', encoding: 'windows-1252' });
	});
});
