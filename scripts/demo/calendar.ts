/** Dates of the demo, as ISO days computed in UTC (never the machine's clock or time zone). */

/** The generator's fixed "today": no event is dated after it. */
export const TODAY = '2025-12-31';

/**
 * Sessions of the Commission nationale de labellisation. The first labels were granted in
 * December 2023; then four sessions a year.
 */
export const COMMISSION_SESSIONS = [
	'2023-12-12',
	'2024-03-19',
	'2024-06-18',
	'2024-10-08',
	'2024-12-10',
	'2025-03-18',
	'2025-06-17',
	'2025-10-07',
	'2025-12-09'
] as const;

const DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO day. */
export function dayNumber(iso: string): number {
	return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
}

/** ISO day of a day number. */
export function isoDay(day: number): string {
	return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Moves a Saturday or Sunday to the next Monday. */
export function workday(iso: string): string {
	const day = dayNumber(iso);
	const weekday = new Date(day * DAY).getUTCDay();
	return weekday === 6 ? isoDay(day + 2) : weekday === 0 ? isoDay(day + 1) : iso;
}

/** The working day `days` after `iso`. */
export function addDays(iso: string, days: number): string {
	return workday(isoDay(dayNumber(iso) + Math.round(days)));
}

/** The later of two ISO days. */
export const later = (a: string, b: string) => (a > b ? a : b);

/** The first session of the Commission at least `delay` days after `iso`, if any. */
export function nextSession(iso: string, delay: number): string | undefined {
	const earliest = isoDay(dayNumber(iso) + delay);
	return COMMISSION_SESSIONS.find((s) => s >= earliest);
}

/** Linear interpolation between dated points: `at(0.5, [[0, '2023-01-01'], [1, '2024-01-01']])`. */
export function interpolateDate(x: number, points: readonly (readonly [number, string])[]): string {
	for (let i = 1; i < points.length; i++) {
		const [x0, d0] = points[i - 1];
		const [x1, d1] = points[i];
		if (x <= x1) {
			const t = x1 === x0 ? 0 : (x - x0) / (x1 - x0);
			return isoDay(Math.round(dayNumber(d0) + t * (dayNumber(d1) - dayNumber(d0))));
		}
	}
	return points[points.length - 1][1];
}
