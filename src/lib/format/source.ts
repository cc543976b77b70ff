import { formatCount } from './text';

/**
 * The source line under a chart, a table or a set of figures: fictional demo or imported data,
 * with the number of Missions Locales read from the data (never written by hand).
 */
export function sourceCaption(kind: 'demo' | 'imported', mls: number | null): string {
	if (kind === 'demo')
		return mls === null
			? 'Source : données de démonstration fictives.'
			: `Source : données de démonstration fictives (réseau simulé de ${formatCount(mls, 'Mission Locale')}).`;
	return mls === null
		? 'Source : données importées dans ce navigateur.'
		: `Source : données importées dans ce navigateur (${formatCount(mls, 'Mission Locale')}).`;
}
