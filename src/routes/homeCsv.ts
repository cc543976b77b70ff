import { toCsv } from '$lib/csv';
import type { TimelinePoint } from '$lib/model/rows';

/** « labels-dans-le-temps.csv »: French headers, like the other exports. */
export function timelineCsv(rows: readonly TimelinePoint[]): string {
	return toCsv(
		rows.map((p) => ({ mois: p.month, engagees: p.engaged, labellisees: p.labelled, total: p.total })),
		['mois', 'engagees', 'labellisees', 'total']
	);
}

export type KeyFigureCard = {
	label: string;
	value: number | null;
	before: number | null;
	change: number | null;
};

/**
 * « chiffres-cles-AAAA.csv »: the indicator first, then the year before and the year shown, then the
 * change, in that order (a year as an object key would come first); a masked group's values are
 * empty and marked `masque = oui`, as in the heatmap's and the map's exports.
 */
export function keyFiguresCsv(
	cards: readonly KeyFigureCard[],
	year: number,
	previousYear: number | null,
	masked: boolean
): string {
	const before = previousYear === null ? 'annee_precedente' : String(previousYear);
	const columns = ['indicateur', before, String(year), 'evolution', 'masque'];
	return toCsv(
		cards.map((c) => ({
			indicateur: c.label,
			[before]: c.before,
			[String(year)]: c.value,
			evolution: c.change,
			masque: masked ? 'oui' : 'non'
		})),
		columns
	);
}
