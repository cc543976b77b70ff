import { describe, expect, it } from 'vitest';
import { isUtf8Of, utf8Length } from './importDatabase';

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
