import { formatCount } from '$lib/format';
import { PHASE_LABELS, type Filters } from '$lib/model/filters';
import { singlePhase } from './armlSpecs';
import type { ViewFilters } from '$lib/model/filters';

const COLUMN_WORDS: Record<Filters['columns'], string> = {
	criterion: 'critères',
	section: 'sections',
	chapter: 'chapitres'
};

/** "Campagne 2025" or "Dernière évaluation disponible de chaque Mission Locale". */
export function campaignText(campaign: Filters['campaign']): string {
	return campaign === 'latest'
		? 'Dernière évaluation disponible de chaque Mission Locale'
		: `Campagne ${campaign}`;
}

/** "3 Missions Locales", "1 Mission Locale". */
export function mlsText(n: number, suffix = ''): string {
	return formatCount(n, suffix ? `Mission Locale ${suffix}` : 'Mission Locale');
}

/** The active filters in words, for the page and its printed report. */
export function filtersInWords(view: ViewFilters, extra: string[] = []): string {
	return [
		`Campagne : ${view.campaign === 'latest' ? 'dernière évaluation disponible' : view.campaign}`,
		`phase : ${PHASE_LABELS[singlePhase(view.phase)].toLowerCase()}`,
		`colonnes de la carte : ${COLUMN_WORDS[view.columns]}`,
		...extra
	].join(' · ');
}
