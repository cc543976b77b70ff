import { ML_ID_MAX_LENGTH } from '$lib/data/cast';
import type { ColumnSpec, ColumnType, TableSpec } from '$lib/data/contract';
import { formatInteger } from '$lib/format';

/** Column types as the contract's readers know them. */
export const TYPE_LABELS: Record<ColumnType, string> = {
	ml_id: 'identifiant',
	text: 'texte',
	departement: 'code département',
	enum: 'liste',
	integer: 'entier',
	number: 'nombre',
	year: 'année',
	date: 'date',
	criterion: 'critère',
	element: 'élément'
};

const bounds = (spec: ColumnSpec) => {
	const n = (v: number) => (spec.type === 'year' ? String(v) : formatInteger(v));
	if (spec.min !== undefined && spec.max !== undefined) return `${n(spec.min)} à ${n(spec.max)}`;
	if (spec.min !== undefined) return `≥ ${n(spec.min)}`;
	if (spec.max !== undefined) return `≤ ${n(spec.max)}`;
	return null;
};

/** The values a column accepts, in French, from its spec in `contract.ts`. */
export function domainText(spec: ColumnSpec, table: TableSpec): string {
	switch (spec.type) {
		case 'enum':
			return (spec.values ?? []).join(', ');
		case 'ml_id':
			return table.key.length === 1 && table.key[0] === spec.name
				? `1 à ${ML_ID_MAX_LENGTH} caractères : lettres sans accent, chiffres, - et _ ; commence par une lettre ou un chiffre`
				: 'Mission Locale connue (table missions_locales)';
		case 'departement':
			return 'code INSEE d’un département (01, 2A, 971…)';
		case 'criterion':
			return 'critère du référentiel (1.1, 4.2.1…)';
		case 'element':
			return 'élément du référentiel appartenant au critère de la ligne';
		case 'date':
			return 'date existante : 2024-03-15 ou 15/03/2024';
		case 'text':
			return 'texte libre';
		default:
			return bounds(spec) ?? '';
	}
}
