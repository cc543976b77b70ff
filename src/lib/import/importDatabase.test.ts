import { describe, expect, it } from 'vitest';
import { insertParquet, isUtf8Of, utf8Length } from './importDatabase';
import type { IpcAccess } from './ipc';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('recognising a text’s own UTF-8 bytes without encoding it', () => {
	it('counts UTF-8 bytes of any text', () => {
		for (const text of ['', 'abc', 'Pointe-à-Pitre', 'l’Ain', '€ 𝄞 ok'])
			expect(utf8Length(text)).toBe(utf8(text).length);
	});

	it('accepts the bytes of the text, with or without a byte order mark', () => {
		const text = 'ml_id;nom\nML-01;Mission Locale de l’Ain\n'.repeat(200);
		expect(isUtf8Of(utf8(text), text)).toBe(true);
		expect(isUtf8Of(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), text)).toBe(true);
	});

	it('refuses other bytes: another encoding, another text of the same length', () => {
		const text = 'nom\nPointe-à-Pitre\n';
		expect(isUtf8Of(new Uint8Array([...text].map((c) => c.charCodeAt(0))), text)).toBe(false);
		expect(isUtf8Of(utf8('nom\nPointe-à-Pitrf\n'), text)).toBe(false);
	});
});

describe('inserting Parquet row group by row group', () => {
	it('decodes the next group while DuckDB takes the previous one in, creating the table once', async () => {
		const events: string[] = [];
		const waiting: (() => void)[] = [];
		const parquet = {
			rowGroups: async () => 3,
			decode: async (_: Uint8Array, groups?: number[]) => {
				events.push(`decode ${groups}`);
				return new Uint8Array([groups?.[0] ?? -1]);
			},
			encode: async () => new Uint8Array()
		};
		const ipc = {
			insert: (name: string, part: Uint8Array, create?: boolean) => {
				events.push(`insert ${part[0]}${create ? ' (create)' : ''}`);
				return new Promise<void>((resolve) =>
					waiting.push(() => (events.push(`inserted ${part[0]}`), resolve()))
				);
			}
		} as unknown as IpcAccess;
		const done = insertParquet(ipc, parquet, 't', new Uint8Array());
		for (let i = 0; i < 3; i++) {
			await new Promise((r) => setTimeout(r, 0));
			waiting.shift()?.();
		}
		await done;
		// Group 1 is decoded before group 0 is in: the two overlap.
		expect(events).toEqual([
			'decode 0',
			'insert 0 (create)',
			'decode 1',
			'inserted 0',
			'insert 1',
			'decode 2',
			'inserted 1',
			'insert 2',
			'inserted 2'
		]);
	});

	it('decodes a file without row groups whole', async () => {
		const decoded: (number[] | undefined)[] = [];
		const parquet = {
			rowGroups: async () => 0,
			decode: async (_: Uint8Array, groups?: number[]) => (decoded.push(groups), new Uint8Array()),
			encode: async () => new Uint8Array()
		};
		const ipc = { insert: async () => {} } as unknown as IpcAccess;
		await insertParquet(ipc, parquet, 't', new Uint8Array());
		expect(decoded).toEqual([undefined]);
	});
});
