import { describe, expect, it } from 'vitest';
import type { EvaluationRow } from './evaluations.ts';
import { buildActions, buildFindings, THRESHOLD } from './plans.ts';
import type { LabellisationRow } from './rollout.ts';

const CRITERIA = Array.from({ length: 40 }, (_, i) => `c${i}`);
/** One ML's assessment: criteria c0…c19 scored 2 (weak), c20…c39 scored 4. */
const assessment = (phase: EvaluationRow['phase']): EvaluationRow[] =>
	CRITERIA.map((critere_id, i) => ({
		ml_id: 'ML-01-01',
		campagne: 2024,
		phase,
		critere_id,
		element_id: null,
		niveau: i < 20 ? 2 : 4,
		date: '2024-03-01'
	}));
const rollout: LabellisationRow[] = [
	{ ml_id: 'ML-01-01', etape: 'plan-amelioration', date: '2024-04-02', commentaire: null }
];
const weak = (id: string) => Number(id.slice(1)) < 20;

describe('demo plans and findings', () => {
	it('plans actions mostly on the criteria the ML scored below the threshold', () => {
		const actions = buildActions(rollout, assessment('auto-evaluation'));
		const onWeak = new Set(actions.filter((a) => weak(a.critere_id)).map((a) => a.critere_id));
		const onStrong = new Set(actions.filter((a) => !weak(a.critere_id)).map((a) => a.critere_id));
		expect(THRESHOLD).toBe(3);
		expect(onWeak.size).toBeGreaterThanOrEqual(12);
		expect(onStrong.size).toBeLessThanOrEqual(4);
		expect(actions.every((a) => a.echeance > '2024-04-02')).toBe(true);
	});

	it('plans nothing for an ML without a plan step', () => {
		expect(buildActions([], assessment('auto-evaluation'))).toEqual([]);
	});

	it('calls weak audited criteria areas to improve and at most three strong ones strengths', () => {
		const findings = buildFindings(assessment('audit'));
		const areas = findings.filter((f) => f.type === 'axe-de-progres');
		const strengths = findings.filter((f) => f.type === 'point-fort');
		expect(areas.every((f) => weak(f.critere_id))).toBe(true);
		expect(areas.length).toBeGreaterThanOrEqual(14);
		expect(strengths).toHaveLength(3);
		expect(strengths.every((f) => !weak(f.critere_id))).toBe(true);
	});
});
