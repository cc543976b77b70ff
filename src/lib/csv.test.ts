import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { download, safeCell, toCsv } from './csv';

describe('CSV cells', () => {
	it.each(['=SUM(A1)', '+33 1 23', '-2', '@cmd', '\tcache', '\rretour'])(
		'quotes a cell a spreadsheet would run as a formula: %j',
		(text) => expect(safeCell(text)).toBe(`'${text}`)
	);

	it('leaves ordinary text alone, even with a formula sign inside it', () => {
		expect(safeCell('Mission Locale de Brest')).toBe('Mission Locale de Brest');
		expect(safeCell('a=b+c-d@e')).toBe('a=b+c-d@e');
		expect(safeCell('')).toBe('');
	});

	it('writes numbers with a decimal comma, and keeps negative numbers as numbers', () => {
		expect(safeCell(3.25)).toBe('3,25');
		expect(safeCell(-0.5)).toBe('-0,5');
		expect(safeCell(12)).toBe('12');
	});

	it('leaves empty and non-finite values empty', () => {
		expect(safeCell(null)).toBeNull();
		expect(safeCell(undefined)).toBeNull();
		expect(safeCell(Number.NaN)).toBeNull();
		expect(safeCell(Number.POSITIVE_INFINITY)).toBeNull();
	});

	it('writes text for other values', () => {
		expect(safeCell(true)).toBe('true');
	});
});

describe('CSV files', () => {
	it('neutralises formulas in cells and in the header row', () => {
		const csv = toCsv([{ '=HYPERLINK("http://x")': '=1+1', nom: '@SUM(A1)' }]);
		const [header, row] = csv.replace(/^\ufeff/, '').split('\r\n');
		expect(header).toBe(`"'=HYPERLINK(""http://x"")";nom`);
		expect(row).toBe("'=1+1;'@SUM(A1)");
	});

	it('starts with a BOM, separates with « ; » and ends lines with CRLF', () => {
		const csv = toCsv([
			{ nom: 'A', score: 1.5 },
			{ nom: 'B', score: null }
		]);
		expect(csv).toBe('\ufeffnom;score\r\nA;1,5\r\nB;');
	});

	it('keeps the given columns in their order, and nothing else', () => {
		expect(toCsv([{ a: 1, b: 2, c: 3 }], ['c', 'a'])).toBe('\ufeffc;a\r\n3;1');
	});

	it('rounds computed numbers to CSV_DECIMALS places, and keeps every digit when exact', () => {
		const rows = [{ moyenne: 3.2218750000000003, n: 12345678901, petit: -0.00001, x: 1234567.891 }];
		expect(toCsv(rows)).toBe('\ufeffmoyenne;n;petit;x\r\n3,2219;12345678901;0;1234567,891');
		expect(toCsv(rows, undefined, { exact: true })).toBe(
			'\ufeffmoyenne;n;petit;x\r\n3,2218750000000003;12345678901;-0,00001;1234567,891'
		);
	});

	it('writes only a BOM for no rows and no columns', () => {
		expect(toCsv([])).toBe('\ufeff');
	});

	it('reads back every dangerous cell as quoted text', () => {
		const cells = ['=1+1', '+1', '-1', '@A1', '\tx', '\ry'];
		const csv = toCsv(cells.map((cell) => ({ cell })));
		const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data.slice(1);
		expect(parsed.map((r) => r[0])).toEqual(cells.map((c) => `'${c}`));
	});
});

describe('downloads', () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
		vi.restoreAllMocks();
	});

	it('offers the content as a file of its type, then frees its URL a second later', async () => {
		vi.useFakeTimers();
		const clicks: string[][] = [];
		const link = { href: '', download: '', click: () => clicks.push([link.href, link.download]) };
		const tags: string[] = [];
		vi.stubGlobal('document', { createElement: (tag: string) => (tags.push(tag), link) });
		const blobs: Blob[] = [];
		const revoked: string[] = [];
		vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:x'));
		vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));

		download('a.csv', 'x;y');
		expect(tags).toEqual(['a']);
		expect(clicks).toEqual([['blob:x', 'a.csv']]);
		expect(blobs[0].type).toBe('text/csv;charset=utf-8');
		expect(await blobs[0].text()).toBe('x;y');
		vi.advanceTimersByTime(999);
		expect(revoked).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(revoked).toEqual(['blob:x']);

		download('a.parquet', new Uint8Array([1, 2]), 'application/vnd.apache.parquet');
		expect(blobs[1].type).toBe('application/vnd.apache.parquet');
	});
});
