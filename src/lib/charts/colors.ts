import type { Metric } from '../model/filters';
import { formatInteger, formatLevel, formatPercent } from '../format';
import { textOn } from './contrast';

/** A binned colour scale with the legend that explains it. */
export type ColorScale = {
	/** Bin boundaries, ascending (n - 1 of them for n colours). */
	thresholds: number[];
	colors: string[];
	/** Legend entries: colour and French label, lowest first. */
	legend: { color: string; label: string }[];
	/** Colour of the text written on each fill (at least 4.5:1 against it). */
	textOn: (fill: string) => string;
	format: (v: number) => string;
};

// ColorBrewer PuOr: orange below the label threshold, purple at or above (readable with colour-blindness).
// The mid purple is PuOr's #8073ac slightly darkened, so that white text on it reaches 4.5:1.
const BELOW = ['#b35806', '#e08214', '#fdb863', '#fee0b6'];
const ABOVE = ['#d8daeb', '#b2abd2', '#7a6da3', '#542788'];
const SEQUENTIAL = ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'];

/** Page backgrounds of the light and dark schemes (`--bg` in app.css). */
export const BACKGROUNDS = { light: '#ffffff', dark: '#16161a' } as const;

/**
 * Series drawn on the page's background, with their colour in each scheme: app.css declares them as
 * `--series-<name>` (light, and dark under `prefers-color-scheme: dark`), charts use `seriesColor`.
 */
export const SERIES = {
	engaged: { light: '#2e7ab2', dark: '#6baed6' },
	labelled: { light: '#542788', dark: '#b2abd2' }
} as const;

/** The colour of a series, following the page's colour scheme. */
export function seriesColor(name: keyof typeof SERIES): string {
	return `var(--series-${name}, ${SERIES[name].light})`;
}

function bins(from: number, to: number, count: number): number[] {
	return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / count);
}

/** A binned scale from its bin boundaries (ascending), colours (one more) and value format. */
export function binnedScale(edges: number[], colors: string[], format: (v: number) => string): ColorScale {
	const legend = colors.map((color, i) => {
		const lo = i === 0 ? null : edges[i - 1];
		const hi = i === colors.length - 1 ? null : edges[i];
		const label =
			lo === null ? `< ${format(hi!)}` : hi === null ? `≥ ${format(lo)}` : `${format(lo)} – ${format(hi)}`;
		return { color, label };
	});
	return { thresholds: edges, colors, legend, textOn, format };
}

/**
 * The colour scale of a heatmap metric, centred on the label threshold for levels (and on 50 %
 * for the share *atteint*): colours change hue exactly where a criterion becomes *atteint*.
 */
export function colorScale(metric: Metric, threshold: number, maxLevel: number, maxN = 1): ColorScale {
	if (metric === 'mean') {
		const below = bins(1, threshold, 4).slice(1);
		const above = bins(threshold, maxLevel, 4);
		return binnedScale([...below, ...above], [...BELOW, ...ABOVE], formatLevel);
	}
	if (metric === 'share')
		return binnedScale([0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875], [...BELOW, ...ABOVE], formatPercent);
	const top = Math.max(maxN, 4);
	const edges = [1, 2, 3].map((i) => Math.max(1, Math.round((top * i) / 4)));
	return binnedScale(edges, SEQUENTIAL, formatInteger);
}

/** The colour of one value. */
export function colorOf(scale: ColorScale, value: number): string {
	let i = 0;
	while (i < scale.thresholds.length && value >= scale.thresholds[i]) i++;
	return scale.colors[i];
}
