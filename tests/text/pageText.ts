import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every prerendered page of the build, by path. */
export function builtPages(dir = 'build'): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.html'))
		.map((f) => join(dir, f))
		.sort();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) =>
	s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
		e[0] === '#'
			? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
			: (ENTITIES[e] ?? m)
	);

/**
 * What a reader sees of a page: its text without tags, scripts, styles and code, plus the text of the
 * attributes that a person reads or hears (title, aria-label, alt, placeholder), one block each;
 * runs of ordinary white space read as one space, as a browser shows them.
 */
export function readableText(html: string): string[] {
	const body = html
		.replace(/<script[\s\S]*?<\/script>/gi, ' ')
		.replace(/<style[\s\S]*?<\/style>/gi, ' ')
		// Code is not prose: `;` in « séparateur <code>;</code> » is a character, not punctuation.
		.replace(/<code\b[^>]*>[\s\S]*?<\/code>/gi, 'code');
	const attributes = [...body.matchAll(/\s(?:title|aria-label|alt|placeholder)="([^"]*)"/gi)].map(
		(m) => m[1]
	);
	const blocks = body.split(
		/<(?:p|li|h[1-6]|td|th|caption|title|text|figcaption|dt|dd|option|button|label|div)\b[^>]*>/i
	);
	return [...blocks.map((b) => b.replace(/<[^>]*>/g, '')), ...attributes]
		.map((t) =>
			decode(t)
				.replace(/[ \t\n\r]+/g, ' ')
				.trim()
		)
		.filter(Boolean);
}
