import {
	DEFAULT_FILTERS,
	FILTER_PARAMS,
	filtersToParams,
	parseFilters,
	type Domain,
	type Filters
} from '../model/filters';
import type { UrlHook } from './urlHook';

/** The shared filters a page uses (`fields`); the others keep their defaults and stay out of its URL. */
export function filtersHook<const K extends keyof Filters>(
	fields: readonly K[]
): UrlHook<Pick<Filters, K>, Domain> {
	const pick = (filters: Filters) =>
		Object.fromEntries(fields.map((f) => [f, filters[f]])) as Pick<Filters, K>;
	return {
		keys: fields.map((f) => FILTER_PARAMS[f]),
		defaults: pick(DEFAULT_FILTERS),
		parse(params, domain) {
			const { filters, notices } = parseFilters(params, domain);
			return { state: pick(filters), notices };
		},
		write(state, params) {
			for (const [key, value] of filtersToParams({ ...DEFAULT_FILTERS, ...state })) params.set(key, value);
		}
	};
}

/** Every shared filter (the home page, the criteria explorer). */
export const ALL_FILTERS = Object.keys(DEFAULT_FILTERS) as (keyof Filters)[];
