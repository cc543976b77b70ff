import { formatDate } from './dates';
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

/**
 * The source line of an exported chart (PNG, SVG): the page's source, the data's own date (the
 * latest date in the active data, on which statuses are read), the import's date for imported data,
 * and the day of the export. A slide keeps saying how fresh its numbers are.
 */
export function exportSourceLine(parts: {
	source: string;
	/** The data's date (ISO), null while unknown. */
	dataDate: string | null;
	/** When the data were imported (ISO), null for the demo. */
	importedAt: string | null;
	/** The day of the export (ISO). */
	today: string;
}): string {
	const dataDate = parts.dataDate ? ` Données à jour au ${formatDate(parts.dataDate.slice(0, 10))}.` : '';
	const imported = parts.importedAt ? ` Importées le ${formatDate(parts.importedAt.slice(0, 10))}.` : '';
	return `${parts.source}${dataDate}${imported} Exporté le ${formatDate(parts.today.slice(0, 10))}.`;
}
