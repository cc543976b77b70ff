import { ACTION_STATUSES, FINDING_TYPES, PHASES, STEPS, type KeyFigure } from '../model/domain';
export { KEY_FIGURES, PHASES, STEPS, type KeyFigure, type Phase, type Step } from '../model/domain';
/**
 * The data contract: the tables users load (four core ones, and two optional ones for improvement
 * plans and audit findings), as one machine-readable schema.
 * `docs/data-contract.md` describes it for people; the validator, the loaders, the templates and
 * the demo generator all read it from here.
 */

export type TableName =
	| 'missions_locales'
	| 'evaluations'
	| 'labellisation'
	| 'chiffres_cles'
	| 'actions'
	| 'constats';

/** How a column's text is checked and cast. */
export type ColumnType =
	| 'ml_id' // text matching ML_ID_PATTERN
	| 'text'
	| 'departement' // INSEE code of a département of the reference data
	| 'enum' // one of `values`, compared after normalising (trim, lower case, no accents)
	| 'integer'
	| 'number' // decimal point or decimal comma
	| 'year'
	| 'date' // ISO 2024-03-15 or French 15/03/2024
	| 'criterion' // a criterion id of the référentiel
	| 'element'; // an element id of the référentiel, belonging to the row's criterion

export type ColumnSpec = {
	name: string;
	type: ColumnType;
	required: boolean;
	values?: readonly string[];
	min?: number;
	max?: number;
	/** French description for the contract's readers. */
	description: string;
	example: string;
};

export type TableSpec = {
	name: TableName;
	label: string;
	description: string;
	/** Columns whose values identify a row; an empty value is part of the key (e.g. no element). */
	key: readonly string[];
	columns: readonly ColumnSpec[];
};

/**
 * Columns a rejected-rows file adds to the user's (its line, and why it was rejected): read back
 * once corrected, they are ignored without a warning.
 */
export const REJECTED_COLUMNS = ['ligne', 'motif'] as const;

export const ML_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$';

export const STATUTS = ['association', 'gip'] as const;



const mlId = (description: string): ColumnSpec => ({
	name: 'ml_id',
	type: 'ml_id',
	required: true,
	description,
	example: 'ML-971-02'
});

const count = (name: KeyFigure, description: string, example: string, required = false): ColumnSpec => ({
	name,
	type: 'integer',
	required,
	min: 0,
	description,
	example
});

export const TABLES: readonly TableSpec[] = [
	{
		name: 'missions_locales',
		label: 'Missions Locales',
		description: 'Une ligne par Mission Locale.',
		key: ['ml_id'],
		columns: [
			mlId('Identifiant de la Mission Locale, stable d’un fichier à l’autre.'),
			{ name: 'nom', type: 'text', required: true, description: 'Nom de la Mission Locale.', example: 'Mission Locale de Pointe-à-Pitre' },
			{
				name: 'departement_code',
				type: 'departement',
				required: true,
				description: 'Code INSEE du département du siège ; la région et l’ARML en découlent.',
				example: '971'
			},
			{ name: 'commune', type: 'text', required: false, description: 'Commune du siège.', example: 'Pointe-à-Pitre' },
			{ name: 'statut', type: 'enum', required: false, values: STATUTS, description: 'Forme juridique.', example: 'association' },
			{ name: 'sites', type: 'integer', required: false, min: 0, description: 'Nombre de sites d’accueil.', example: '4' },
			{ name: 'effectif_etp', type: 'number', required: false, min: 0, description: 'Effectif en équivalents temps plein.', example: '32,5' }
		]
	},
	{
		name: 'evaluations',
		label: 'Évaluations',
		description:
			'Une ligne par niveau de maturité attribué : à un critère (element_id vide) ou à un élément d’un critère.',
		key: ['ml_id', 'campagne', 'phase', 'critere_id', 'element_id'],
		columns: [
			mlId('Mission Locale évaluée.'),
			{ name: 'campagne', type: 'year', required: true, min: 2020, max: 2100, description: 'Année de la campagne d’évaluation.', example: '2024' },
			{ name: 'phase', type: 'enum', required: true, values: PHASES, description: 'Qui a attribué le niveau.', example: 'auto-evaluation' },
			{ name: 'critere_id', type: 'criterion', required: true, description: 'Identifiant du critère du référentiel (texte).', example: '4.2.1' },
			{
				name: 'element_id',
				type: 'element',
				required: false,
				description: 'Élément du critère ; vide pour un niveau attribué au critère lui-même.',
				example: '4.2.1.a'
			},
			{ name: 'niveau', type: 'integer', required: false, min: 1, max: 4, description: 'Niveau de maturité, de 1 à 4 ; vide = non évalué.', example: '3' },
			{ name: 'date', type: 'date', required: false, description: 'Date de l’évaluation.', example: '15/03/2024' }
		]
	},
	{
		name: 'labellisation',
		label: 'Parcours de labellisation',
		description: 'Une ligne par étape franchie par une Mission Locale.',
		key: ['ml_id', 'etape', 'date'],
		columns: [
			mlId('Mission Locale concernée.'),
			{ name: 'etape', type: 'enum', required: true, values: STEPS, description: 'Étape du parcours.', example: 'label' },
			{ name: 'date', type: 'date', required: true, description: 'Date de l’étape.', example: '2024-12-12' },
			{ name: 'commentaire', type: 'text', required: false, description: 'Commentaire libre.', example: 'Label accordé par la Commission nationale' }
		]
	},
	{
		name: 'chiffres_cles',
		label: 'Chiffres clés',
		description: 'Une ligne par Mission Locale et par année d’activité.',
		key: ['ml_id', 'annee'],
		columns: [
			mlId('Mission Locale concernée.'),
			{ name: 'annee', type: 'year', required: true, min: 2000, max: 2100, description: 'Année d’activité.', example: '2022' },
			count('jeunes_accompagnes', 'Jeunes accompagnés dans l’année.', '2518', true),
			count('premiers_accueils', 'Jeunes accueillis pour la première fois.', '915'),
			count('pacea', 'Entrées en PACEA.', '577'),
			count('cej', 'Entrées en Contrat d’engagement jeune.', '458'),
			count('emploi', 'Entrées en emploi.', '714'),
			count('formation', 'Entrées en formation.', '291'),
			count('alternance', 'Entrées en alternance.', '124'),
			count('retour_formation_initiale', 'Retours en formation initiale.', '53'),
			count('service_civique', 'Entrées en service civique.', '39')
		]
	},
	{
		name: 'actions',
		label: 'Plans d’amélioration',
		description: 'Facultative. Une ligne par action d’amélioration d’une Mission Locale, rattachée à un critère.',
		key: ['ml_id', 'critere_id', 'libelle'],
		columns: [
			mlId('Mission Locale qui porte l’action.'),
			{ name: 'critere_id', type: 'criterion', required: true, description: 'Critère du référentiel que l’action améliore.', example: '2.1' },
			{
				name: 'libelle',
				type: 'text',
				required: true,
				description: 'Intitulé de l’action.',
				example: 'Formaliser le plan d’amélioration continue'
			},
			{ name: 'echeance', type: 'date', required: true, description: 'Date prévue d’achèvement.', example: '30/06/2025' },
			{ name: 'statut', type: 'enum', required: true, values: ACTION_STATUSES, description: 'Où en est l’action.', example: 'en-cours' },
			{ name: 'date_maj', type: 'date', required: false, description: 'Date de la dernière mise à jour du statut.', example: '2025-03-15' }
		]
	},
	{
		name: 'constats',
		label: 'Constats d’audit',
		description: 'Facultative. Une ligne par constat d’un audit sur un critère : point fort ou axe de progrès.',
		key: ['ml_id', 'campagne', 'critere_id', 'type', 'texte'],
		columns: [
			mlId('Mission Locale auditée.'),
			{ name: 'campagne', type: 'year', required: true, min: 2020, max: 2100, description: 'Année de la campagne de l’audit.', example: '2024' },
			{ name: 'critere_id', type: 'criterion', required: true, description: 'Critère du référentiel concerné.', example: '1.2' },
			{ name: 'type', type: 'enum', required: true, values: FINDING_TYPES, description: 'Nature du constat.', example: 'axe-de-progres' },
			{
				name: 'texte',
				type: 'text',
				required: true,
				description: 'Le constat, tel que rédigé par l’auditeur.',
				example: 'Les partenariats avec les entreprises ne sont pas formalisés.'
			}
		]
	}
];

/** Looks a table's spec up by name. */
export function tableSpec(name: TableName): TableSpec {
	const spec = TABLES.find((t) => t.name === name);
	if (!spec) throw new Error(`Unknown table ${name}`);
	return spec;
}

/** DuckDB type of a column once cast into its typed table. */
export function sqlType(type: ColumnType): string {
	switch (type) {
		case 'integer':
		case 'year':
			return 'INTEGER';
		case 'number':
			return 'DOUBLE';
		case 'date':
			return 'DATE';
		default:
			return 'VARCHAR';
	}
}
