import { shownValue, type Domain } from '$lib/model/filters';
import { combine, type UrlHook } from '$lib/state/urlHook';
import { filtersHook } from '$lib/state/filtersHook';

/** What an ML's profile checks its URL against: the filters' domain and the active dataset's MLs. */
export type MlContext = Domain & {
	mlIds: ReadonlySet<string>;
	/** How the active dataset is named in a sentence (« les données de démonstration »). */
	dataName: string;
};

/** The profile's ML (`?id=`), one of the active dataset's; null when none or an unknown one is given. */
export const idHook: UrlHook<{ id: string | null }, MlContext> = {
	keys: ['id'],
	defaults: { id: null },
	parse(params, context) {
		const raw = params.get('id');
		if (raw === null || raw.trim() === '') return { state: { id: null }, notices: [] };
		const id = raw.trim();
		if (context.mlIds.has(id)) return { state: { id }, notices: [] };
		return {
			state: { id: null },
			notices: [
				`Aucune Mission Locale ne porte l’identifiant « ${shownValue(id)} » dans ${context.dataName}. ` +
					'Vérifiez l’adresse, ou cherchez la Mission Locale par son nom ou sa commune.'
			]
		};
	},
	write(state, params) {
		if (state.id) params.set('id', state.id);
	}
};

/** An ML's profile: campaign, phase and the ML. */
export const mlHook = combine(filtersHook(['campaign', 'phase']), idHook);
