import type { Query, SqlValue } from './types';

/** Quotes an SQL identifier; the only way a name reaches SQL text. */
export function ident(name: string): string {
	if (name.length === 0 || name.includes('\0'))
		throw new Error(`Invalid identifier: ${JSON.stringify(name)}`);
	return `"${name.replaceAll('"', '""')}"`;
}

/** A piece of SQL written by the project (an identifier, a keyword), pasted as is. */
export class Raw {
	constructor(readonly text: string) {}
}

/** Marks trusted SQL text written by the project; never pass user input. */
export const raw = (text: string) => new Raw(text);

type Part = SqlValue | Query | Raw | readonly SqlValue[];

function isQuery(value: unknown): value is Query {
	return typeof value === 'object' && value !== null && 'sql' in value && 'params' in value;
}

/**
 * Tagged template that turns interpolated values into `?` parameters.
 * Interpolating a `Query` inlines it with its parameters; an array becomes `(?, ?, …)`;
 * `raw()` and `ident()`-quoted text go in as written.
 */
export function sql(strings: TemplateStringsArray, ...parts: Part[]): Query {
	let text = strings[0];
	const params: SqlValue[] = [];
	parts.forEach((part, i) => {
		if (part instanceof Raw) text += part.text;
		else if (isQuery(part)) {
			text += part.sql;
			params.push(...part.params);
		} else if (Array.isArray(part)) {
			if (part.length === 0) text += '(NULL)';
			else {
				text += `(${part.map(() => '?').join(', ')})`;
				params.push(...part);
			}
		} else {
			text += '?';
			params.push(part as SqlValue);
		}
		text += strings[i + 1];
	});
	return { sql: text, params };
}

/** Joins query fragments with a separator. */
export function join(parts: Query[], separator: string): Query {
	return {
		sql: parts.map((p) => p.sql).join(separator),
		params: parts.flatMap((p) => p.params)
	};
}

/** An empty fragment, for optional clauses. */
export const empty: Query = { sql: '', params: [] };
