import type { CriterionChange, CriterionRank, SelfAuditGap } from '$lib/model/rows';
import { isMasked, maskMeans } from '$lib/model/smallGroups';

// The small-group rule on the criteria explorer's views: an ARML filter can leave a criterion
// with one or two Missions Locales, whose share, mean or gap would point at them.

/** Ranked criteria over at least MIN_N Missions Locales; the others are not ranked. */
export function rankable(rows: CriterionRank[]): CriterionRank[] {
	return rows.filter((r) => !isMasked(r.n));
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
