import { shownValue, type Domain } from '$lib/model/filters';
import { criteria } from '$lib/referentiel';
import { combine, type UrlHook } from '$lib/state/urlHook';
import { ALL_FILTERS, filtersHook } from '$lib/state/filtersHook';

/** What the criteria explorer keeps in the URL besides the shared filters. */
export type Extras = {
	/** Criteria picked in the training-target builder, in référentiel order. */
	targets: string[];
	/** Campaigns compared by the change chart (null: the last two present). */
	from: number | null;
	to: number | null;
};

export const NO_EXTRAS: Extras = { targets: [], from: null, to: null };

const PARAM = { targets: 'cibles', from: 'depuis', to: 'vers' } as const;

/** The page's own URL parameters, so shared-filter code can leave them alone. */
export const EXTRA_PARAMS: readonly string[] = Object.values(PARAM);

/** At most this many unknown criteria are quoted in a notice. */
const MAX_SHOWN = 5;

const order = new Map(criteria.map((c) => [c.id, c.position]));

/** Reads the explorer's parameters; unknown values are dropped with a French notice. */
export function parseExtras(
	params: URLSearchParams,
	campaigns: readonly number[]
): { extras: Extras; notices: string[] } {
	const notices: string[] = [];
	const extras: Extras = { ...NO_EXTRAS, targets: [] };
	const targets = params.get(PARAM.targets);
	if (targets) {
		const ids = targets
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		const unknown = [...new Set(ids.filter((id) => !order.has(id)))];
		const s = unknown.length > 1 ? 's' : '';
		const shown = unknown.slice(0, MAX_SHOWN).map(shownValue).join(', ');
		const more = unknown.length > MAX_SHOWN ? ` et ${unknown.length - MAX_SHOWN} autres` : '';
		if (unknown.length)
			notices.push(`Critère${s} inconnu${s} ignoré${s} dans « ${PARAM.targets} » : ${shown}${more}.`);
		extras.targets = [...new Set(ids.filter((id) => order.has(id)))].sort(
			(a, b) => order.get(a)! - order.get(b)!
		);
	}
	for (const key of ['from', 'to'] as const) {
		const value = params.get(PARAM[key]);
		if (value === null) continue;
		const year = Number(value);
		if (campaigns.includes(year)) extras[key] = year;
		else
			notices.push(
				`La campagne « ${value} » (paramètre « ${PARAM[key]} ») n’est pas dans les données : comparaison par défaut.`
			);
	}
	return { extras, notices };
}

/** Adds the explorer's parameters that differ from the defaults to `params`. */
export function writeExtras(params: URLSearchParams, extras: Extras): URLSearchParams {
	if (extras.targets.length) params.set(PARAM.targets, extras.targets.join(','));
	if (extras.from !== null) params.set(PARAM.from, String(extras.from));
	if (extras.to !== null) params.set(PARAM.to, String(extras.to));
	return params;
}

/** The explorer's own parameters, as a URL hook. */
export const extrasHook: UrlHook<Extras, Domain> = {
	keys: EXTRA_PARAMS,
	defaults: NO_EXTRAS,
	parse(params, domain) {
		const { extras, notices } = parseExtras(params, domain.campaigns);
		return { state: extras, notices };
	},
	write(state, params) {
		writeExtras(params, state);
	}
};

/** The explorer's URL: every shared filter, plus its own parameters. */
export const criteriaHook = combine(filtersHook(ALL_FILTERS), extrasHook);

/** The campaigns compared by default: the last two present (null with fewer than two). */
export function defaultComparison(campaigns: readonly number[]): { from: number; to: number } | null {
	const sorted = [...campaigns].sort((a, b) => a - b);
	return sorted.length >= 2 ? { from: sorted[sorted.length - 2], to: sorted[sorted.length - 1] } : null;
}
