import { formatInteger, frenchSpacing } from '$lib/format';

/** What the Mission Locale search says of its results, read aloud by its live region. */
export function searchMessage(
	state: { status: 'idle' | 'loading' | 'ready'; error?: string | null },
	term: string,
	total: number,
	shown: number
): string {
	if (state.status === 'idle') return '';
	if (state.status === 'loading')
		return state.error ? frenchSpacing(`La recherche a échoué : ${state.error}`) : 'Recherche…';
	if (total === 0) return frenchSpacing(`Aucune Mission Locale ne correspond à « ${term.trim()} ».`);
	if (total === 1) return '1 Mission Locale trouvée.';
	return frenchSpacing(
		total > shown
			? `${formatInteger(total)} Missions Locales trouvées ; les ${formatInteger(shown)} premières sont affichées.`
			: `${formatInteger(total)} Missions Locales trouvées.`
	);
}
