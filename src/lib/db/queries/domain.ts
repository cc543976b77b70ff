import { sql } from '../sql';
import type { Query } from '../types';
import type { Domain } from '../../model/filters';
import { chapters, criteria } from '../../referentiel';
import type { DomainRow } from '../../model/rows';
export type { DomainRow } from '../../model/rows';

/** What the filters may take, from the active dataset. */
export function domainQuery(): Query {
	return sql`SELECT 'campaign' AS kind, CAST(campagne AS VARCHAR) AS value, CAST(campagne AS VARCHAR) AS label
FROM (SELECT DISTINCT campagne FROM evaluations WHERE campagne IS NOT NULL)
UNION ALL
SELECT 'arml', arml_code, nom FROM arml
ORDER BY kind, label`;
}

/** Turns domain rows into the filters' domain and the ARML names for selects. */
export function toDomain(rows: DomainRow[]): Domain & { armlNames: Record<string, string> } {
	const armlRows = rows.filter((r) => r.kind === 'arml');
	return {
		campaigns: rows.filter((r) => r.kind === 'campaign').map((r) => Number(r.value)),
		armls: armlRows.map((r) => r.value),
		armlNames: Object.fromEntries(armlRows.map((r) => [r.value, r.label])),
		chapters: chapters.map((c) => c.id),
		criteria: criteria.map((c) => c.id)
	};
}
