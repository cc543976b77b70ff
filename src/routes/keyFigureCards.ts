import { KEY_FIGURE_LABELS } from '$lib/labels';
import { KEY_FIGURES, type KeyFigure } from '$lib/model/domain';
import type { KeyFigureTotals } from '$lib/model/rows';
import { isMasked } from '$lib/model/smallGroups';

/** One key figure as the page shows it: its value for the year, the year before's, and the change. */
export type KeyFigureShown = {
	key: KeyFigure;
	label: string;
	/** Null when masked (fewer than `MIN_N` Missions Locales) or absent. */
	value: number | null;
	before: number | null;
	/** (value − before) / before; null when there is nothing to compare with. */
	change: number | null;
};

/** What the key figures show for `rows` (`keyFiguresSpec`: the year asked for, then the year before). */
export function keyFigureCards(rows: readonly KeyFigureTotals[]): {
	current: KeyFigureTotals | null;
	previous: KeyFigureTotals | null;
	masked: boolean;
	cards: KeyFigureShown[];
} {
	const current = rows[0] ?? null;
	// The year before, only when it is the year just before (a gap in the data is no comparison).
	const previous = rows[1] && current && rows[1].annee === current.annee - 1 ? rows[1] : null;
	// Totals over fewer than MIN_N Missions Locales would point at them (the small-group rule).
	const masked = !!current && isMasked(current.mls);
	const cards = KEY_FIGURES.map((key) => {
		const value = masked ? null : (current?.[key] ?? null);
		const before = masked || !previous || isMasked(previous.mls) ? null : (previous[key] ?? null);
		const change = value !== null && before ? (value - before) / before : null;
		return { key, label: KEY_FIGURE_LABELS[key], value, before, change };
	});
	return { current, previous, masked, cards };
}
