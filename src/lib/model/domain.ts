/**
 * The domain's vocabularies, on the ground floor: the data contract, the queries, the view layer
 * and the charts all read them from here.
 */

/** Who scored a criterion: the Mission Locale itself, or the auditors. */
export const PHASES = ['auto-evaluation', 'audit'] as const;
export type Phase = (typeof PHASES)[number];

/** The steps of the labellisation, in the order a Mission Locale goes through them. */
export const STEPS = [
	'inscription',
	'auto-evaluation',
	'plan-amelioration',
	'audit',
	'commission',
	'label',
	'ajournement',
	'audit-suivi'
] as const;
export type Step = (typeof STEPS)[number];

/** The yearly key figures of a Mission Locale. */
export const KEY_FIGURES = [
	'jeunes_accompagnes',
	'premiers_accueils',
	'pacea',
	'cej',
	'emploi',
	'formation',
	'alternance',
	'retour_formation_initiale',
	'service_civique'
] as const;
export type KeyFigure = (typeof KEY_FIGURES)[number];

/** Key figures read as a rate per 100 jeunes accompagnés. */
export const RATES = ['emploi', 'formation', 'alternance', 'cej'] as const;
export type Rate = (typeof RATES)[number];

/** French names of the rates (per 100 jeunes accompagnés). */
export const RATE_LABELS: Record<Rate, string> = {
	emploi: 'Entrées en emploi',
	formation: 'Entrées en formation',
	alternance: 'Entrées en alternance',
	cej: 'Entrées en CEJ'
};

/** Where an improvement action stands (table `actions`). */
export const ACTION_STATUSES = ['prevue', 'en-cours', 'realisee', 'abandonnee'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** French names of the action statuses. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
	prevue: 'Prévue',
	'en-cours': 'En cours',
	realisee: 'Réalisée',
	abandonnee: 'Abandonnée'
};

/** An action is still to be done while it is planned or under way. */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['prevue', 'en-cours'];

/** What an audit says about a criterion (table `constats`). */
export const FINDING_TYPES = ['point-fort', 'axe-de-progres'] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

/** French names of the finding types. */
export const FINDING_TYPE_LABELS: Record<FindingType, string> = {
	'point-fort': 'Point fort',
	'axe-de-progres': 'Axe de progrès'
};
