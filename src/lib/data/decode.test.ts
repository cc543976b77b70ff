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
