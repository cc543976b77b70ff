import { DISPLAY_LIMIT, ROW_LIMIT } from '$lib/db/console/run';
import { formatCount, formatInteger, frenchSpacing } from '$lib/format';

/** The line above the console's table: how many rows, and which ones the table and exports hold. */
export function resultSummary(rows: number, truncated: boolean): string {
	const kept = truncated
		? `Plus de ${formatInteger(ROW_LIMIT)} lignes : seules les ${formatInteger(rows)} premières sont gardées (et exportées).`
		: `${formatCount(rows, 'ligne')}.`;
	const shown =
		rows > DISPLAY_LIMIT
			? ` Le tableau montre les ${formatInteger(DISPLAY_LIMIT)} premières ; les exports les contiennent toutes.`
			: '';
	return frenchSpacing(kept + shown);
}
