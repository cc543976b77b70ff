import { describe, expect, it } from 'vitest';
import { fixture } from '../../../tests/fixtures/references';
import { countLineFeeds, csvRows, inspectCsv, readChunks } from './inspect';

describe('inspectCsv', () => {
	it('transcodes Windows-1252 to UTF-8 and says which encoding the file had', () => {
		const { bytes } = fixture('missions_locales-windows-1252.csv');
		const read = inspectCsv('ml.csv', bytes);
		expect(read).toMatchObject({ kind: 'csv', encoding: 'windows-1252', table: 'missions_locales', rows: 3 });
		expect(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes)).toContain('Mission Locale de l’Ain');
	});

	it('keeps UTF-8 bytes as they are and recognises the table by its columns', () => {
		const { bytes } = fixture('evaluations.csv');
		const read = inspectCsv('export.csv', bytes);
		expect(read.bytes).toBe(bytes);
		expect(read).toMatchObject({ encoding: 'utf-8', table: 'evaluations', rows: 4 });
	});

	it('leaves what is neither CSV nor Parquet to the validator', () => {
		expect(inspectCsv('classeur.xlsx', fixture('classeur.xlsx').bytes)).toMatchObject({
			kind: 'other',
			table: null
		});
	});
});

describe('counting rows while reading', () => {
	it('counts lines with or without a final line feed', () => {
		const text = (s: string) => new TextEncoder().encode(s);
		expect(csvRows(countLineFeeds(text('a\n1\n2\n')), text('a\n1\n2\n'))).toBe(2);
		expect(csvRows(countLineFeeds(text('a\n1\n2')), text('a\n1\n2'))).toBe(2);
		expect(csvRows(0, text(''))).toBe(0);
	});

	it('reads a file in chunks and reports lines as it goes', async () => {
		// A blob of several parts streams in several chunks (in Node as in browsers).
		const parts = ['h\n', ...Array.from({ length: 4 }, () => 'x\n'.repeat(50_000))];
		const content = parts.join('');
		const seen: number[] = [];
		const { bytes, lineFeeds } = await readChunks(new Blob(parts), (_, lines) => seen.push(lines));
		expect(bytes.length).toBe(content.length);
		expect(lineFeeds).toBe(200_001);
		expect(seen.length).toBeGreaterThan(1);
		expect(seen.at(-1)).toBe(200_001);
	});
});
