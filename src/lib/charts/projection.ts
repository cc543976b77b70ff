import type { TimelinePoint } from '../model/rows';

export type Projection = {
	/** Labels per month over the pace window. */
	pace: number;
	/** Month (`YYYY-MM-01`) when every ML would be labelled, or null when the pace is zero. */
	month: string | null;
	remaining: number;
	/** The last month of data the pace is measured up to. */
	asOf: string;
	windowMonths: number;
};

function addMonths(iso: string, months: number): string {
	const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
	d.setUTCMonth(d.getUTCMonth() + months);
	return d.toISOString().slice(0, 10);
}

/** The months of data whose mean pace the projection prolongs. */
export const PACE_WINDOW_MONTHS = 12;

/**
 * When every ML would be labelled if labels kept coming at the mean pace of the last
 * `windowMonths` months of data (a straight line: the assumption the page states).
 */
export function projectLabels(points: TimelinePoint[], windowMonths = PACE_WINDOW_MONTHS): Projection | null {
	if (points.length === 0) return null;
	const last = points[points.length - 1];
	const start = points[Math.max(0, points.length - 1 - windowMonths)];
	const span = Math.max(1, Math.min(windowMonths, points.length - 1));
	const pace = (last.labelled - start.labelled) / span;
	const remaining = last.total - last.labelled;
	const month =
		remaining === 0 ? last.month : pace > 0 ? addMonths(last.month, Math.ceil(remaining / pace)) : null;
	return { pace, month, remaining, asOf: last.month, windowMonths: span };
}
