import { formatCount, formatDate, frenchSpacing } from '$lib/format';
import type { MlAction, MlFinding } from '$lib/model/rows';

/**
 * The one-line summary of an ML's plan, counted as on `/criteres`: actions other than abandoned
 * ones, on the criteria those actions address (a criterion with only findings is not one of them).
 */
export function planSummary(
	actions: readonly MlAction[],
	findings: readonly MlFinding[],
	asOf: string | null
): string {
	const active = actions.filter((a) => a.statut !== 'abandonnee');
	const criteria = new Set(active.map((a) => a.criterion_id)).size;
	const abandoned = actions.length - active.length;
	const overdue = active.filter((a) => a.overdue).length;
	const parts = [
		active.length
			? `${formatCount(active.length, 'action')} (hors abandonnées) sur ${formatCount(criteria, 'critère')}`
			: 'Aucune action en cours, prévue ou réalisée'
	];
	if (overdue) parts.push(`dont ${overdue} en retard au ${formatDate(asOf)}`);
	const sentences = [`${parts.join(', ')}.`];
	if (abandoned) sentences.push(`${formatCount(abandoned, 'action abandonnée')}.`);
	if (findings.length)
		sentences.push(`${formatCount(findings.length, 'constat')} de l’audit ${findings[0].campagne}.`);
	return frenchSpacing(sentences.join(' '));
}
