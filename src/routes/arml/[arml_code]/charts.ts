import { formatGap, nationGapChart, type GapBar } from '$lib/charts/nationGap';
import { formatRate, rateStripChart, type RateMedian, type RatePoint } from '$lib/charts/rateStrip';
import type { CriterionGap, MlRates } from '$lib/model/rows';
import { RATE_LABELS, RATES, rateColumn, nationalColumn } from '$lib/db/queries/rates';
import { cutText, formatLevel2 } from '$lib/format';
import { MASKED_LABEL, isMasked, unlessMasked } from '$lib/model/smallGroups';

/** "3.3 Observatoire": how a criterion reads on an axis. */
export const criterionText = (r: { criterion_id: string; short_label: string }) =>
	`${r.criterion_id} ${r.short_label}`;

/** A gap row whose ARML mean stands on too few MLs loses its mean and gap (the small-group rule). */
export function maskGap(r: CriterionGap): CriterionGap {
	return r.arml_n > 0 && isMasked(r.arml_n) ? { ...r, arml_mean: null, gap: null } : r;
}

/** The gap rows as bars, with the sentence a screen reader gives for each. */
export function gapBarsOf(rows: CriterionGap[], armlName: string): GapBar[] {
	return rows.map(maskGap).map((r) => ({
		id: r.criterion_id,
		label: criterionText(r),
		gap: r.gap,
		description:
			r.arml_n > 0 && isMasked(r.arml_n)
				? `${criterionText(r)} : masqué (${MASKED_LABEL}), trop peu de Missions Locales évaluées dans l’ARML`
				: r.gap === null
					? `${criterionText(r)} : non évalué dans l’ARML`
					: `${criterionText(r)} : écart ${formatGap(r.gap)} (${armlName} ${formatLevel2(r.arml_mean)}, nation ${formatLevel2(r.national_mean)})`
	}));
}

export function gapBars(
	rows: CriterionGap[],
	armlName: string,
	document: Document,
	width: number | null = null
): SVGSVGElement {
	return nationGapChart(gapBarsOf(rows, armlName), { document, width: width ?? undefined });
}

/**
 * Each rate's ARML and national medians (the same on every row of the query), with the Missions
 * Locales behind them; a median over fewer than MIN_N is masked (null), like every aggregate.
 */
export function rateMedians(rows: MlRates[]): RateMedian[] {
	const first = rows[0];
	const nationalN = first?.national_mls ?? 0;
	return RATES.map((rate) => {
		const armlN = rows.filter((r) => r[rateColumn(rate)] !== null).length;
		return {
			rate,
			rateLabel: RATE_LABELS[rate],
			national: first ? unlessMasked(first[nationalColumn(rate)], nationalN) : null,
			nationalN,
			arml: first ? unlessMasked(first[`${rate}_arml`], armlN) : null,
			armlN
		};
	});
}

export function ratePoints(rows: MlRates[]): RatePoint[] {
	return rows.flatMap((r) =>
		RATES.flatMap((rate) => {
			const value = r[rateColumn(rate)];
			return value === null ? [] : [{ rate, rateLabel: RATE_LABELS[rate], ml: cutText(r.nom), value }];
		})
	);
}

export function rateStrip(
	rows: MlRates[],
	armlName: string,
	document: Document,
	width: number | null = null
): SVGSVGElement {
	return rateStripChart(ratePoints(rows), rateMedians(rows), {
		document,
		armlName,
		width: width ?? undefined
	});
}

export { formatGap, formatRate };
