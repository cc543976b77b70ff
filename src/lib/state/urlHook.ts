import { formatList, frenchSpacing } from '../format/text';
import { shownValue } from '../model/filters';

/** A page's state read from its URL, and what was refused on the way (French notices). */
export type Parsed<S> = { state: S; notices: string[] };

/**
 * How a page keeps its state in the URL: the one URL-state mechanism (`UrlState`) reads and
 * writes every page through such a hook. `parse` only ever sees the page's own keys, each given
 * once and not empty; anything it does not know falls back to its default with a notice.
 */
export type UrlHook<S, C> = {
	/** The URL parameters the page reads (French, as users see them in a shared link). */
	readonly keys: readonly string[];
	readonly defaults: S;
	/** Reads the state; `context` holds the known values (campaigns, ARML, ML ids…). */
	parse(params: URLSearchParams, context: C): Parsed<S>;
	/** Writes the values that differ from the defaults. */
	write(state: S, params: URLSearchParams): void;
};

/** Two hooks side by side: the state of each, in one object. Their keys must not overlap. */
export function combine<A extends object, CA, B extends object, CB>(
	a: UrlHook<A, CA>,
	b: UrlHook<B, CB>
): UrlHook<A & B, CA & CB> {
	return {
		keys: [...a.keys, ...b.keys],
		defaults: { ...a.defaults, ...b.defaults },
		parse(params, context) {
			const first = a.parse(params, context);
			const second = b.parse(params, context);
			return { state: { ...first.state, ...second.state }, notices: [...first.notices, ...second.notices] };
		},
		write(state, params) {
			a.write(state, params);
			b.write(state, params);
		}
	};
}

/** At most this many unknown parameter names are quoted in a notice. */
const MAX_QUOTED = 5;

/**
 * Reads a page's state from a URL's parameters, refusing what a crafted link could carry: a
 * parameter the page does not read, or one given twice, is ignored with a notice; an empty value
 * is the default (forms write `?arml=`). The page's hook checks each value against the known ones.
 */
export function readUrl<S, C>(hook: UrlHook<S, C>, params: URLSearchParams, context: C): Parsed<S> {
	const own = new URLSearchParams();
	const notices: string[] = [];
	const unknown = new Set<string>();
	for (const key of new Set(params.keys())) {
		if (!hook.keys.includes(key)) {
			unknown.add(key);
			continue;
		}
		const values = params.getAll(key);
		if (values.length > 1)
			notices.push(
				`Le paramètre « ${shownValue(key)} » est donné ${values.length} fois : valeur par défaut utilisée.`
			);
		else if (values[0] !== '') own.set(key, values[0]);
	}
	const parsed = hook.parse(own, context);
	if (unknown.size) {
		const names = [...unknown].slice(0, MAX_QUOTED).map((k) => `« ${shownValue(k)} »`);
		notices.push(
			unknown.size > 1
				? `Les paramètres ${formatList(names, unknown.size - names.length)} ne sont pas connus de cette page : ignorés.`
				: `Le paramètre ${names[0]} n’est pas connu de cette page : ignoré.`
		);
	}
	return { state: parsed.state, notices: [...notices, ...parsed.notices].map(frenchSpacing) };
}

/** The URL query of a state (`?…`, or '' when every value is its default). */
export function writeUrl<S, C>(hook: UrlHook<S, C>, state: S): string {
	const params = new URLSearchParams();
	hook.write(state, params);
	// Commas are legal in a query string and keep `cibles=3.3,4.4.2` readable in a shared link.
	const text = params.toString().replaceAll('%2C', ',');
	return text ? `?${text}` : '';
}
