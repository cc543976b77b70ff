import type { CriterionChange, CriterionRank, SelfAuditGap, TrainingCount } from '$lib/model/rows';
import { MASKED_LABEL, isMasked, maskMeans } from '$lib/model/smallGroups';
import { formatInteger } from '$lib/format';

// The small-group rule on the criteria explorer's views: an ARML filter can leave a criterion
// with one or two Missions Locales, whose share, mean or gap would point at them.

/**
 * The ranking split by the rule: criteria over at least MIN_N Missions Locales are ranked; the
 * others are not ranked but still listed, their figures shown as the masked label.
 */
export function rankable(rows: CriterionRank[]): { ranked: CriterionRank[]; masked: CriterionRank[] } {
	return { ranked: rows.filter((r) => !isMasked(r.n)), masked: rows.filter((r) => isMasked(r.n)) };
}

/**
 * Rows ranked by a figure, those over fewer than MIN_N Missions Locales moved to the end in name
 * order: their place among the ranked rows would give their masked figure away.
 */
export function maskedLast<T extends { n: number }>(rows: readonly T[], name: (row: T) => string): T[] {
	const masked = rows.filter((r) => isMasked(r.n));
	masked.sort((a, b) => name(a).localeCompare(name(b), 'fr'));
	return [...rows.filter((r) => !isMasked(r.n)), ...masked];
}

/**
 * A training-target cell (« sous le seuil / évaluées » for one ARML and one criterion): the
 * masked label when fewer than MIN_N of the ARML's Missions Locales were assessed on it.
 */
export function trainingCell(cell: Pick<TrainingCount, 'below' | 'assessed'> | undefined): string {
	if (!cell) return '–';
	return isMasked(cell.assessed)
		? MASKED_LABEL
		: `${formatInteger(cell.below)} / ${formatInteger(cell.assessed)}`;
}

/**
 * An ARML's number of Missions Locales to train: masked when every targeted criterion was assessed
 * on fewer than MIN_N of its Missions Locales (the count would point at them).
 */
export function trainingMls(cells: Pick<TrainingCount, 'assessed'>[], mls: number): string {
	return cells.some((c) => !isMasked(c.assessed)) ? formatInteger(mls) : MASKED_LABEL;
}

/** A change whose mean of a campaign stands on too few MLs loses that mean, its difference and trend. */
export function maskChange(r: CriterionChange): CriterionChange {
	const masked = maskMeans(r, { mean_from: 'n_from', mean_to: 'n_to' });
	return masked.mean_from === null || masked.mean_to === null
		? { ...masked, delta: null, trend: null }
		: masked;
}

/** Self-assessment against audit over at least MIN_N pairs; the others are not shown. */
export function showableGaps(rows: SelfAuditGap[]): SelfAuditGap[] {
	return rows.filter((r) => !isMasked(r.pairs));
}
