import { criteria } from '$lib/referentiel';

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
		const unknown = ids.filter((id) => !order.has(id));
		if (unknown.length)
			notices.push(
				`Critère${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} ignoré${unknown.length > 1 ? 's' : ''} dans « ${PARAM.targets} » : ${unknown.join(', ')}.`
			);
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

/** The campaigns compared by default: the last two present (null with fewer than two). */
export function defaultComparison(campaigns: readonly number[]): { from: number; to: number } | null {
	const sorted = [...campaigns].sort((a, b) => a - b);
	return sorted.length >= 2 ? { from: sorted[sorted.length - 2], to: sorted[sorted.length - 1] } : null;
}
