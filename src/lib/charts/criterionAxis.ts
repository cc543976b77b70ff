/** Axis text and number formats shared by the criteria explorer's charts. */

import { formatSigned2 } from '../format';

/** A change or a gap in levels, signed, two decimals: `+0,12`, `−0,07`, `0,00`. */
export const formatDelta = formatSigned2;

/** `3.3 Observatoire de la situation des jeunes`: how a criterion reads on an axis. */
export function criterionLabel(row: { criterion_id: string; short_label: string }): string {
	return `${row.criterion_id} ${row.short_label}`;
}

/** Shortens text to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A left margin wide enough for the longest label (rough width: no DOM measuring at build time). */
export function labelMargin(labels: readonly string[], size = 12, max = 330): number {
	const widest = Math.max(60, ...labels.map((l) => l.length * size * 0.56));
	return Math.min(max, Math.ceil(widest) + 12);
}
