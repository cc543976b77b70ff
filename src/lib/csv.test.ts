import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
	it('neutralises formulas in cells and in the header row', () => {
		const csv = toCsv([{ '=HYPERLINK("http://x")': '=1+1', nom: '@SUM(A1)' }]);
		const [header, row] = csv.replace(/^\ufeff/, '').split('\r\n');
		expect(header).toBe(`"'=HYPERLINK(""http://x"")";nom`);
		expect(row).toBe("'=1+1;'@SUM(A1)");
	});
});
