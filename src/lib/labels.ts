import type { Step } from './model/domain';

/** French labels of the labellisation steps, and of "no step yet". */
export const STEP_LABELS: Record<Step | 'non-engagee', string> = {
	'non-engagee': 'Non engagée',
	inscription: 'Inscrite',
	'auto-evaluation': 'Auto-évaluation',
	'plan-amelioration': 'Plan d’amélioration',
	audit: 'Audit',
	commission: 'En commission',
	ajournement: 'Ajournée',
	label: 'Labellisée',
	'audit-suivi': 'Labellisée (audit de suivi)'
};

/** Steps in the order of the journey (for stacking and tables). */
export const STEP_ORDER: (Step | 'non-engagee')[] = [
	'non-engagee',
	'inscription',
	'auto-evaluation',
	'plan-amelioration',
	'audit',
	'commission',
	'ajournement',
	'label',
	'audit-suivi'
];

/** Colours of the steps: greys before the label, orange for postponed, purples once labelled. */
export const STEP_COLORS: Record<Step | 'non-engagee', string> = {
	'non-engagee': '#e5e5e5',
	inscription: '#c6dbef',
	'auto-evaluation': '#9ecae1',
	'plan-amelioration': '#6baed6',
	audit: '#2e7ab2',
	commission: '#08519c',
	ajournement: '#e08214',
	label: '#542788',
	'audit-suivi': '#7a6da3'
};

export const KEY_FIGURE_LABELS = {
	jeunes_accompagnes: 'Jeunes accompagnés',
	premiers_accueils: 'Premiers accueils',
	pacea: 'Entrées en PACEA',
	cej: 'Entrées en CEJ',
	emploi: 'Entrées en emploi',
	formation: 'Entrées en formation',
	alternance: 'Entrées en alternance',
	retour_formation_initiale: 'Retours en formation initiale',
	service_civique: 'Entrées en service civique'
} as const;
