import type { Phase } from '$lib/data/contract';
import type { HeatmapCell } from '$lib/model/rows';
import { findChapter, findCriterion } from '$lib/referentiel';
import { PHASE_LABELS, STATUS_LABELS, type Filters, type RowLevel } from '$lib/model/filters';

export const ROW_HEADERS: Record<RowLevel, string> = {
	arml: 'ARML',
	region: 'Région',
	ml: 'Mission Locale'
};

/** The Missions Locales assessed in the cells of one phase: « 437 Missions Locales évaluées ». */
function assessed(phase: Phase, rows: HeatmapCell[]): string {
	const seen = new Map<string, number>();
	for (const r of rows) if (r.phase === phase) seen.set(r.row_id, r.row_assessed);
	const n = [...seen.values()].reduce((a, b) => a + b, 0);
	return `${n.toLocaleString('fr-FR')} Mission${n > 1 ? 's' : ''} Locale${n > 1 ? 's' : ''} évaluée${n > 1 ? 's' : ''}`;
}

/**
 * "Campagne 2025 · Auto-évaluation · 437 Missions Locales évaluées · chapitre 4"; without the count
 * while `rows` is null (still loading: its 0 would be read as a figure).
 */
export function heatmapSubtitle(filters: Filters, phase: Phase, rows: HeatmapCell[] | null): string {
	const parts = [
		filters.campaign === 'latest'
			? 'Dernière évaluation disponible de chaque Mission Locale'
			: `Campagne ${filters.campaign}`,
		PHASE_LABELS[phase],
		...(rows ? [assessed(phase, rows)] : [])
	];
	if (filters.chapter)
		parts.push(`chapitre ${filters.chapter} « ${findChapter(filters.chapter)?.title ?? ''} »`);
	if (filters.criterion)
		parts.push(
			`éléments du critère ${filters.criterion} « ${findCriterion(filters.criterion)?.shortLabel ?? ''} »`
		);
	if (filters.status) parts.push(`statut : ${STATUS_LABELS[filters.status].toLowerCase()}`);
	return parts.join(' · ');
}

/**
 * What activating a cell shows next: an ARML row opens its MLs; otherwise a chapter or section
 * column opens its criteria and a criterion column its elements.
 */
export function drillDown(filters: Filters, cell: { rowId: string; colId: string }): Partial<Filters> | null {
	if (filters.rows === 'arml') return { rows: 'ml', arml: cell.rowId };
	if (filters.criterion) return null;
	if (filters.columns === 'chapter' || filters.columns === 'section')
		return { columns: 'criterion', chapter: cell.colId.split('.')[0] };
	return { criterion: cell.colId };
}
