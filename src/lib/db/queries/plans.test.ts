import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDatabase } from '../testing/fixture';
import type { Database } from '../types';
import {
	armlOverdueQuery,
	armlUncoveredQuery,
	criteriaPlansQuery,
	mlActionsQuery,
	mlFindingsQuery,
	plansPresenceQuery,
	type CriterionPlans,
	type MlAction,
	type MlFinding,
	type OverdueAction,
	type PlansPresence,
	type UncoveredCriterion
} from './plans';
import { REGIONAL_NETWORK } from './regional.fixture';

// The regional network's 2025 audits (A1, A2 all 3 but A2 3.3 = 1 and 5.4 = 2; A3 1.2 = 2; E1 all 2
// without 5.4; B1 all 2), with five actions and three findings. The data's latest date is the
// last action update, 2025-10-15 (after B1's inscription on 2025-09-01).
const PLANS = {
	...REGIONAL_NETWORK,
	// An audit of an ML missing from missions_locales (a batch without it): not an assessed ML.
	evaluations: [...REGIONAL_NETWORK.evaluations!, ['ZZ', 2025, 'audit', '1.1', null, 1, null]],
	actions: [
		['A1', '1.2', 'Former l’équipe', '2025-03-31', 'en-cours', '2025-10-15'],
		['A1', '1.1', 'Formaliser la procédure', '2025-12-31', 'prevue', null],
		['A2', '3.3', 'Réunir les partenaires', '2025-06-30', 'realisee', '2025-06-20'],
		['A2', '5.4', 'Piloter la démarche', '2025-05-31', 'abandonnee', '2025-04-01'],
		['B1', '1.1', 'Suivre les entrées', '2024-12-31', 'prevue', null]
	],
	constats: [
		['A1', 2024, '1.1', 'axe-de-progres', 'Ancien constat'],
		['A1', 2025, '1.2', 'point-fort', 'Démarche partagée'],
		['A1', 2025, '1.1', 'axe-de-progres', '<b>Suivi</b> non outillé']
	]
};

let db: Database;
beforeAll(async () => {
	db = await fixtureDatabase(PLANS);
});
afterAll(() => db.close());

const today = '2025-12-31';
const audit = {
	phase: 'audit' as const,
	campaign: 'latest' as const,
	threshold: 3,
	today,
	arml: null,
	status: null
};

describe('plans queries', () => {
	it('count actions and findings and date the data by its latest date', async () => {
		expect(await db.query<PlansPresence>(plansPresenceQuery())).toEqual([
			{ actions: 5, constats: 3, as_of: '2025-10-15' }
		]);
	});

	it('list an ML’s actions in référentiel order, overdue when past the data’s date and not done', async () => {
		const rows = await db.query<MlAction>(mlActionsQuery('A1'));
		expect(rows.map((r) => [r.criterion_id, r.libelle, r.echeance, r.statut, r.overdue])).toEqual([
			['1.1', 'Formaliser la procédure', '2025-12-31', 'prevue', false],
			['1.2', 'Former l’équipe', '2025-03-31', 'en-cours', true]
		]);
	});

	it('give the findings of the ML’s latest audited campaign only, text as written', async () => {
		const rows = await db.query<MlFinding>(mlFindingsQuery('A1'));
		expect(rows.map((r) => [r.campagne, r.criterion_id, r.type, r.texte])).toEqual([
			[2025, '1.1', 'axe-de-progres', '<b>Suivi</b> non outillé'],
			[2025, '1.2', 'point-fort', 'Démarche partagée']
		]);
	});

	it('list an ARML’s overdue actions: neither done, abandoned nor still ahead', async () => {
		const bretagne = await db.query<OverdueAction>(armlOverdueQuery({ arml: 'bretagne', today }));
		expect(bretagne.map((r) => [r.ml_id, r.criterion_id, r.libelle])).toEqual([
			['A1', '1.2', 'Former l’équipe']
		]);
		const antilles = await db.query<OverdueAction>(armlOverdueQuery({ arml: 'antilles-guyane', today }));
		expect(antilles.map((r) => [r.ml_id, r.echeance])).toEqual([['B1', '2024-12-31']]);
	});

	it('name an ARML’s weak criteria without an action, an abandoned one not counting', async () => {
		const rows = await db.query<UncoveredCriterion>(armlUncoveredQuery({ ...audit, arml: 'bretagne' }));
		expect(rows).toHaveLength(24);
		expect(rows[0]).toEqual({
			criterion_id: '1.2',
			short_label: expect.any(String),
			weak: 2,
			uncovered: 2,
			uncovered_mls: 'Mission Locale A3, Mission Locale d’Épinal'
		});
		const byId = new Map(rows.map((r) => [r.criterion_id, r]));
		// 3.3: A2 has a (done) action, E1 none; 5.4: A2's only action was abandoned.
		expect([byId.get('3.3')!.weak, byId.get('3.3')!.uncovered]).toEqual([2, 1]);
		expect(byId.get('5.4')!.uncovered_mls).toBe('Mission Locale A2');
	});

	it('set each criterion’s actions against its MLs below the threshold, network-wide', async () => {
		const rows = await db.query<CriterionPlans>(criteriaPlansQuery(audit));
		const byId = new Map(
			rows.map((r) => [r.criterion_id, [r.n, r.weak, r.weak_planned, r.actions, r.done, r.mls]])
		);
		expect(rows).toHaveLength(24);
		expect(byId.get('1.1')).toEqual([5, 2, 1, 2, 0, 2]);
		expect(byId.get('3.3')).toEqual([5, 3, 1, 1, 1, 1]);
		expect(byId.get('5.4')).toEqual([4, 2, 0, 0, 0, 0]);
	});

	it('narrows every count to the ARML chosen, actions included', async () => {
		const counts = async (arml: string) =>
			new Map(
				(await db.query<CriterionPlans>(criteriaPlansQuery({ ...audit, arml }))).map((r) => [
					r.criterion_id,
					[r.n, r.weak, r.weak_planned, r.actions, r.done, r.mls]
				])
			);
		// Bretagne: A1, A2, A3 and E1; E1 is weak on 1.1 with no action, A1 has one there.
		expect((await counts('bretagne')).get('1.1')).toEqual([4, 1, 0, 1, 0, 1]);
		// Antilles-Guyane: B1 alone, weak everywhere, with its action on 1.1.
		const antilles = await counts('antilles-guyane');
		expect(antilles.get('1.1')).toEqual([1, 1, 1, 1, 0, 1]);
		expect(antilles.get('3.3')).toEqual([1, 1, 0, 0, 0, 0]);
	});
});
