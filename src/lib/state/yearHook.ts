import { shownValue } from '../model/filters';
import type { UrlHook } from './urlHook';

/**
 * One year parameter (`annee`…) checked against the years the data holds (`years(context)`);
 * null, its default, stands for the latest year.
 */
export function yearHook<F extends string, C>(
	field: F,
	key: string,
	years: (context: C) => readonly number[]
): UrlHook<Record<F, number | null>, C> {
	return {
		keys: [key],
		defaults: { [field]: null } as Record<F, number | null>,
		parse(params, context) {
			const raw = params.get(key);
			const state = { [field]: null } as Record<F, number | null>;
			if (raw === null) return { state, notices: [] };
			const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
			if (years(context).includes(year)) {
				state[field] = year;
				return { state, notices: [] };
			}
			return {
				state,
				notices: [
					`Le paramètre « ${key} » ne connaît pas la valeur « ${shownValue(raw)} » : dernière année utilisée.`
				]
			};
		},
		write(state, params) {
			if (state[field] !== null) params.set(key, String(state[field]));
		}
	};
}
