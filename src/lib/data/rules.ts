import { ML_ID_MAX_LENGTH } from './cast';
import { TABLES, type ColumnSpec } from './contract';
import { formatList, frenchSpacing } from '../format/text';

export type Severity = 'error' | 'warning';

/**
 * The validation rules: stable codes (listed in `docs/data-contract.md`), severity and a French title.
 * File-level rules first, then row-level ones.
 */
export const RULES = {
	'fichier-illisible': { severity: 'error', title: 'Fichier introuvable, illisible, ou ni CSV ni Parquet' },
	'fichier-vide': { severity: 'error', title: 'Fichier sans aucune ligne de données' },
	'table-inconnue': { severity: 'error', title: 'Colonnes ne correspondant à aucune table du contrat' },
	'colonne-manquante': { severity: 'error', title: 'Colonne obligatoire absente' },
	'colonne-en-double': { severity: 'error', title: 'Même colonne présente deux fois' },
	'ligne-mal-formee': { severity: 'error', title: 'Ligne illisible (nombre de champs, guillemet non fermé)' },
	'valeur-manquante': { severity: 'error', title: 'Valeur obligatoire vide' },
	'type-invalide': { severity: 'error', title: 'Valeur qui n’a pas le type attendu (entier, nombre, date…)' },
	'hors-domaine': { severity: 'error', title: 'Valeur hors de son intervalle ou de sa liste de valeurs' },
	'id-inconnu': { severity: 'error', title: 'Mission Locale, critère, élément ou département inconnu' },
	'element-hors-critere': { severity: 'error', title: 'Élément qui n’appartient pas au critère de la ligne' },
	doublon: { severity: 'error', title: 'Clé déjà présente sur une ligne précédente du fichier' },
	'colonnes-en-trop': { severity: 'warning', title: 'Colonne inconnue, ignorée' },
	'premiers-accueils-superieurs': { severity: 'warning', title: 'Premiers accueils supérieurs aux jeunes accompagnés' },
	'date-hors-campagne': { severity: 'warning', title: 'Date d’évaluation hors de l’année de la campagne' },
	'departement-complete': { severity: 'warning', title: 'Code département à un chiffre, complété par un zéro' },
	'lignes-remplacees': { severity: 'warning', title: 'Lignes remplacées par un fichier suivant du lot (même clé)' },
	'controle-impossible': { severity: 'warning', title: 'Contrôle non fait : table de référence absente' },
	'encodage-mixte': { severity: 'warning', title: 'Fichier mêlant UTF-8 et Windows-1252 (accents peut-être faux)' }
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type RuleCode = keyof typeof RULES;
export const RULE_CODES = Object.keys(RULES) as RuleCode[];
export const ERROR_RULES = RULE_CODES.filter((code) => RULES[code].severity === 'error');

/** One problem found in a file. `line` counts records as a spreadsheet shows them (header = 1). */
export type Issue = {
	file: string;
	line: number | null;
	column: string | null;
	rule: RuleCode;
	message: string;
	severity: Severity;
};

/** What a check found, before it is phrased: `value` as the user wrote it, `detail` rule-specific. */
export type Finding = {
	rule: RuleCode;
	line: number | null;
	column: string | null;
	value: string | null;
	detail: string | null;
	spec?: ColumnSpec;
};

const q = (text: string | null) => `«\u202f${text ?? ''}\u202f»`;

/**
 * A message template with French typography (narrow no-break spaces before « : ; ? ! » and inside
 * « ») in its own words only: the values it quotes stay exactly as the user wrote them.
 */
function fr(strings: TemplateStringsArray, ...values: unknown[]): string {
	return strings.map((s, i) => frenchSpacing(s) + (i < values.length ? String(values[i]) : '')).join('');
}

const count = (n: number) => n.toLocaleString('fr-FR');

/** What a column's values must be, in French (« un entier de 1 à 4 »). */
export function expectation(spec: ColumnSpec): string {
	const { min, max } = spec;
	const range = (noun: string) =>
		min !== undefined && max !== undefined
			? `${noun} de ${min} à ${max}`
			: min === 0
				? `${noun} positif ou nul`
				: min !== undefined
					? `${noun} supérieur ou égal à ${min}`
					: noun;
	switch (spec.type) {
		case 'integer':
			return range('un entier');
		case 'number':
			return range('un nombre') + ' (virgule ou point décimal)';
		case 'year':
			// The contract bounds every year column; a bound it lacks is not checked, so not stated.
			return min !== undefined && max !== undefined
				? `une année de ${min} à ${max}`
				: min !== undefined
					? `une année à partir de ${min}`
					: max !== undefined
						? `une année jusqu’à ${max}`
						: 'une année';
		case 'date':
			return 'une date existante au format 2024-03-15 ou 15/03/2024';
		case 'enum':
			return `l’une des valeurs ${(spec.values ?? []).join(', ')}`;
		case 'ml_id':
			return `un identifiant de 1 à ${ML_ID_MAX_LENGTH} caractères sans espace (lettres sans accent, chiffres, « - », « _ »), commençant par une lettre ou un chiffre`;
		default:
			return 'un texte';
	}
}

const UNKNOWN_ID: Record<string, string> = {
	ml_id: 'à aucune Mission Locale connue',
	criterion: 'à aucun critère du référentiel',
	element: 'à aucun élément du référentiel',
	departement: 'à aucun département'
};

const REFERENCE_NAMES: Record<string, string> = {
	missions_locales: 'des Missions Locales',
	criteria: 'des critères du référentiel',
	elements: 'des éléments du référentiel',
	departements: 'des départements'
};

/** DuckDB's reason for rejecting a CSV line, in French. */
function malformed(reason: string): string {
	const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(reason);
	if (columns) {
		const [found, expected] = [Number(columns[2]), Number(columns[1])];
		return `${found} champ${found > 1 ? 's' : ''} au lieu ${expected > 1 ? 'des' : 'du'} ${expected} de l’en-tête`;
	}
	if (/quote/i.test(reason)) return 'guillemet non fermé';
	// The validator's own scan says why in French already (`scan.ts`).
	return reason;
}

/** Phrases a finding in French, naming the value, the column and what was expected. */
export function message(f: Finding): string {
	const col = q(f.column);
	switch (f.rule) {
		case 'fichier-illisible':
			return fr`Le fichier ne peut pas être lu : ${frenchSpacing(String(f.detail))}.`;
		case 'fichier-vide':
			return 'Le fichier ne contient aucune ligne de données.';
		case 'table-inconnue':
			return f.detail
				? fr`Les colonnes (${f.value}) ne permettent pas de choisir entre les tables ${f.detail} : renommez le fichier d’après sa table (par exemple « evaluations.csv »).`
				: fr`Les colonnes (${f.value}) ne correspondent à aucune table attendue (${TABLES.map((t) => t.name).join(', ')}).`;
		case 'colonne-manquante':
			return fr`La colonne obligatoire ${col} est absente de l’en-tête.`;
		case 'colonne-en-double':
			return fr`La colonne ${col} est présente deux fois (aussi sous le nom ${q(f.detail)}) : seule la première est lue.`;
		case 'ligne-mal-formee':
			return fr`La ligne ne peut pas être découpée en colonnes (${frenchSpacing(malformed(f.detail ?? ''))}) : ${q(f.value)}.`;
		case 'valeur-manquante':
			return fr`La colonne ${col} est obligatoire : la valeur est vide.`;
		case 'type-invalide':
		case 'hors-domaine':
			return fr`La valeur ${q(f.value)} de la colonne ${col} doit être ${f.spec ? frenchSpacing(expectation(f.spec)) : 'valide'}.`;
		case 'id-inconnu':
			return fr`L’identifiant ${q(f.value)} de la colonne ${col} ne correspond ${UNKNOWN_ID[f.spec?.type ?? ''] ?? 'à aucune référence'}${f.detail ? fr` (${f.detail})` : ''}.`;
		case 'element-hors-critere':
			return fr`L’élément ${q(f.value)} n’appartient pas au critère ${q(f.detail)} de la même ligne.`;
		case 'doublon':
			return fr`Cette ligne répète la clé ${f.value} de la ligne ${f.detail} : elle doit être unique.`;
		case 'colonnes-en-trop':
			return fr`La colonne ${col} ne fait pas partie de la table : elle est ignorée.`;
		case 'premiers-accueils-superieurs':
			return fr`Les premiers accueils (${f.value}) dépassent les jeunes accompagnés (${f.detail}).`;
		case 'date-hors-campagne':
			return fr`La date ${q(f.value)} n’est pas dans l’année de la campagne ${f.detail}.`;
		case 'departement-complete':
			return fr`Le code département ${q(f.value)} est lu ${q(`0${f.value}`)}.`;
		case 'lignes-remplacees': {
			// `detail`: the names of the later files that replace them, one a line (`replacements`).
			const files = String(f.detail).split('\n');
			const from = `${files.length > 1 ? 'des fichiers' : 'du fichier'} ${formatList(files.map(q))}`;
			return Number(f.value) > 1
				? fr`${count(Number(f.value))} lignes de ce fichier sont remplacées par des lignes de même clé ${from}.`
				: fr`1 ligne de ce fichier est remplacée par une ligne de même clé ${from}.`;
		}
		case 'controle-impossible':
			return fr`La colonne ${col} n’a pas pu être vérifiée : la table de référence ${REFERENCE_NAMES[f.detail ?? ''] ?? q(f.detail)} est absente.`;
		case 'encodage-mixte':
			return fr`Le fichier mêle UTF-8 et Windows-1252 (à partir de la ligne ${f.line ?? '?'}) : il est lu en Windows-1252, et les accents des lignes en UTF-8 seront faux (« Ã© » pour « é »). Réenregistrez-le entièrement en UTF-8.`;
	}
}

/** A finding as the report carries it. */
export function toIssue(file: string, f: Finding): Issue {
	return { file, line: f.line, column: f.column, rule: f.rule, message: message(f), severity: RULES[f.rule].severity };
}
