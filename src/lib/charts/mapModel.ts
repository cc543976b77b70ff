import {
	formatCount,
	formatDate,
	formatInteger,
	formatLevel,
	formatList,
	formatPercent,
	frenchSpacing,
	lowerFirst
} from '../format';
import type { KeyFigure, Phase } from '../model/domain';
import type { MapArea, MapLevel, MapMeasure } from '../model/rows';
import { isMasked, MASKED_LABEL, MIN_N } from '../model/smallGroups';
import { binnedScale, colorOf, colorScale, type ColorScale } from './colors';

export type MapModelOptions = {
	level: MapLevel;
	measure: MapMeasure;
	phase: Phase;
	criterion: string | null;
	keyFigure: KeyFigure;
	/** French name of the key figure (« Entrées en emploi »). */
	keyFigureLabel: string;
	threshold: number;
	maxLevel: number;
};

/** One area as drawn and listed: its colour, its value as text, and what a screen reader says. */
export type MapModelArea = MapArea & { masked: boolean; color: string; text: string; description: string };

export type MapModel = {
	areas: MapModelArea[];
	scale: ColorScale;
	/** What the colour shows (« Taux de labellisation »). */
	measureLabel: string;
	summary: string;
};

/** Fill of an area whose value is not shown (too few MLs, or none). */
export const MASKED_FILL = '#d4d4d4';
export const EMPTY_FILL = '#ffffff';

// Light to dark: the labellisation rate in blues (more is better), the share below the threshold
// in oranges (more is worse), key figures in greens.
const BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
const ORANGES = ['#feedde', '#fdbe85', '#fd8d3c', '#e6550d', '#a63603'];
const GREENS = ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'];

const plural = (n: number, one: string, many: string) => `${formatInteger(n)} ${n > 1 ? many : one}`;
const mlCount = (n: number) => plural(n, 'Mission Locale', 'Missions Locales');

function measureLabel(o: MapModelOptions): string {
	switch (o.measure) {
		case 'labellisation':
			return 'Taux de labellisation';
		case 'score':
			return `Score moyen (${o.phase === 'audit' ? 'audit' : 'auto-évaluation'})`;
		case 'below':
			return `Part des Missions Locales sous le seuil, critère ${o.criterion ?? ''}`;
		case 'keyFigure':
			return `${o.keyFigureLabel} pour 100 jeunes accompagnés`;
	}
}

/**
 * Five equal bins from the lowest to the highest shown value, on round numbers (`step`): the map
 * is read to compare areas, so its colours spread over the range the areas actually span.
 */
function spread(values: number[], step: number): number[] {
	const lo = values.length ? Math.floor(Math.min(...values) / step) * step : 0;
	const hi = Math.max(lo + step, values.length ? Math.ceil(Math.max(...values) / step) * step : step);
	return [1, 2, 3, 4].map((i) => lo + ((hi - lo) * i) / 5);
}

function scaleOf(o: MapModelOptions, values: number[]): ColorScale {
	switch (o.measure) {
		case 'labellisation':
			return binnedScale(spread(values, 0.05), BLUES, formatPercent);
		case 'below':
			return binnedScale(spread(values, 0.05), ORANGES, formatPercent);
		case 'score':
			return colorScale('mean', o.threshold, o.maxLevel);
		case 'keyFigure':
			return binnedScale(spread(values, 1), GREENS, formatLevel);
	}
}

/**
 * Whether the small-group rule applies to a measure: to assessment results and key figures, not to
 * the labellisation rate, whose statuses are public decisions of the Commission nationale, shown for
 * each Mission Locale and counted unmasked on every page (the /arml table, the steps chart).
 */
export const masksSmallGroups = (measure: MapMeasure): boolean => measure !== 'labellisation';

/** Builds what the map draws and lists from the query's areas, without a DOM. */
export function mapModel(rows: readonly MapArea[], o: MapModelOptions): MapModel {
	const label = measureLabel(o);
	const hidden = (r: MapArea) =>
		r.n === 0 || r.value === null || (masksSmallGroups(o.measure) && isMasked(r.n));
	const shown = rows.filter((r) => !hidden(r));
	const scale = scaleOf(
		o,
		shown.map((r) => r.value!)
	);
	const areas = rows.map((r): MapModelArea => {
		const masked = hidden(r);
		const name = o.level === 'arml' ? r.area_label : `${r.area_label} (${r.arml_nom})`;
		const text = masked ? (r.n === 0 ? 'aucune donnée' : MASKED_LABEL) : scale.format(r.value!);
		const why = r.n === 0 ? 'aucune donnée' : `masqué, seulement ${mlCount(r.n)} (moins de ${MIN_N})`;
		return {
			...r,
			masked,
			color: masked ? (r.n === 0 ? EMPTY_FILL : MASKED_FILL) : colorOf(scale, r.value!),
			text,
			description: masked ? `${name} : ${why}` : `${name} : ${lowerFirst(label)} ${text} (${mlCount(r.n)})`
		};
	});
	return { areas, scale, measureLabel: label, summary: summaryOf(areas, o, label) };
}

/** Tied areas named in the summary before « et N autres ». */
const NAMED_TIES = 3;

function summaryOf(areas: MapModelArea[], o: MapModelOptions, label: string): string {
	const shown = areas
		.filter((a) => !a.masked)
		.sort((a, b) => b.value! - a.value! || a.area_label.localeCompare(b.area_label, 'fr'));
	const kind = o.level === 'arml' ? ['ARML', 'ARML'] : ['département', 'départements'];
	const hidden = areas.length - shown.length;
	const hiddenText = hidden
		? ` ${plural(hidden, kind[0], kind[1])} sans valeur affichée (aucune donnée ou moins de ${MIN_N} Missions Locales).`
		: '';
	if (!shown.length) return frenchSpacing(`${label} : aucune valeur à afficher.${hiddenText}`);
	const top = shown[0].text;
	const bottom = shown[shown.length - 1].text;
	// « Valeur » agrees whatever the measure's gender (« taux », « part », « score »); ties are named.
	const range =
		top === bottom
			? shown.length === 1
				? `une seule valeur : ${namesAt(shown, top)} (${top}).`
				: `${formatCount(shown.length, kind[0], kind[1])} à la même valeur (${top}).`
			: `valeur la plus élevée : ${namesAt(shown, top)} (${top}) ; la plus basse : ${namesAt(shown, bottom)} (${bottom}).`;
	return frenchSpacing(`${label} par ${kind[0]} : ${range}${hiddenText}`);
}

/** The areas showing `text`, the first three by name and how many more: « Ain, Aisne et 3 autres ». */
function namesAt(shown: MapModelArea[], text: string): string {
	const names = shown.filter((a) => a.text === text).map((a) => a.area_label);
	return formatList(names.slice(0, NAMED_TIES), names.length - NAMED_TIES);
}

/**
 * The map's subtitle: the measure, the level and the date its values hold at. A status is the
 * data's, as of their latest date (`asOf`), never the reader's clock. A map that follows a page's
 * filters names them instead (`scope`: « Campagne 2024 · Audit · ARML Bretagne »).
 */
export function mapSubtitle(
	measureLabel: string,
	level: MapLevel,
	measure: MapMeasure,
	asOf: string,
	scope: string | null = null
): string {
	const when =
		scope ??
		(measure === 'keyFigure'
			? 'dernière année de chiffres clés'
			: measure === 'labellisation'
				? `statut au ${formatDate(asOf)}`
				: 'dernière campagne de chaque Mission Locale');
	const rule = masksSmallGroups(measure) ? ` · masqué sous ${MIN_N} Missions Locales` : '';
	return `${measureLabel}, par ${level === 'arml' ? 'ARML' : 'département'} · ${when}${rule}`;
}
