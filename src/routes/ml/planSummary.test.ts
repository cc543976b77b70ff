import { describe, expect, it } from 'vitest';
import type { MlAction, MlFinding } from '$lib/model/rows';
import { planSummary } from './planSummary';

const action = (criterion_id: string, statut: MlAction['statut'], overdue = false): MlAction => ({
	criterion_id,
	short_label: '',
	libelle: 'Action',
	echeance: '2025-06-30',
	statut,
	date_maj: null,
	overdue
});
const finding = (criterion_id: string): MlFinding =>
	({ criterion_id, short_label: '', campagne: 2025, type: 'point-fort', texte: 'Constat' }) as MlFinding;

describe('the summary of an ML’s plan', () => {
	it('counts actions other than abandoned ones, on the criteria they address, not those with only findings', () => {
		const actions = [
			action('2.4', 'prevue', true),
			action('2.4', 'en-cours'),
			action('3.2', 'realisee'),
			action('3.3', 'abandonnee')
		];
		const findings = ['1.1', '1.2', '2.4'].map(finding);
		expect(planSummary(actions, findings, '2025-12-31')).toBe(
			'3 actions (hors abandonnées) sur 2 critères, dont 1 en retard au 31 décembre 2025. 1 action abandonnée. 3 constats de l’audit 2025.'
		);
	});

	it('puts one of each in the singular, and counts no abandoned action as in retard', () => {
		expect(
			planSummary([action('1.1', 'en-cours'), action('1.2', 'abandonnee', true)], [finding('1.1')], null)
		).toBe('1 action (hors abandonnées) sur 1 critère. 1 action abandonnée. 1 constat de l’audit 2025.');
	});

	it('says when every action was abandoned', () => {
		expect(planSummary([action('1.1', 'abandonnee')], [], null)).toBe(
			'Aucune action en cours, prévue ou réalisée. 1 action abandonnée.'
		);
	});
});
