import { formatCount } from '$lib/format';
import { PHASE_LABELS, STATUS_LABELS, type Filters } from '$lib/model/filters';
import { phaseOf } from './criteriaSpecs';

/** "Campagne 2025" or the latest campaign of each ML. */
export function campaignText(campaign: Filters['campaign']): string {
	return campaign === 'latest'
		? 'Dernière évaluation disponible de chaque Mission Locale'
		: `Campagne ${campaign}`;
}

/** "437 Missions Locales évaluées" (singular for one). */
export function mlsText(n: number, what = 'évaluée'): string {
	return formatCount(n, `Mission Locale ${what}`);
}

/** The ARML and status parts of a subtitle, when filtered. */
export function filterParts(filters: Filters, armlNames: Record<string, string>): string[] {
	const parts: string[] = [];
	if (filters.arml) parts.push(armlNames[filters.arml] ?? filters.arml);
	if (filters.status) parts.push(`statut : ${STATUS_LABELS[filters.status].toLowerCase()}`);
	return parts;
}

/** "Campagne 2025 · Audit · 422 Missions Locales évaluées · ARML Bretagne". */
export function scopeSubtitle(filters: Filters, armlNames: Record<string, string>, n: number): string {
	return [
		campaignText(filters.campaign),
		PHASE_LABELS[phaseOf(filters)],
		mlsText(n),
		...filterParts(filters, armlNames)
	].join(' · ');
}

/** « jusqu’à 12 paires par critère », in the singular for one, and nothing when there is none. */
export function pairsText(pairs: number): string {
	return pairs > 0 ? `jusqu’à ${formatCount(pairs, 'paire')} par critère` : '';
}
