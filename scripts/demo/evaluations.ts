/**
 * Scores of the self-assessments and audits found in the labellisation history. Each assessment is
 * scored at one level of detail: elements only, criteria only, or elements plus some criteria.
 */
import type { Phase } from '../../src/lib/data/contract.ts';
import { byCode } from '../reference.ts';
import type { MissionLocale } from './network.ts';
import {
	ASSESSMENT_SD,
	BASE_LEVEL,
	ELEMENT_SD,
	ML_CRITERION_SD,
	POSTPONED_AUDIT_PENALTY,
	campaignEffect,
	criterionEffect,
	elementEffect,
	mlEffects,
	selfBias,
	toLevel
} from './profile.ts';
import { random } from './random.ts';
import type { Criterion } from './referentiel.ts';
import type { LabellisationRow } from './rollout.ts';

export type EvaluationRow = {
	ml_id: string;
	campagne: number;
	phase: Phase;
	critere_id: string;
	element_id: string | null;
	niveau: number | null;
	date: string;
};

/** One self-assessment or audit: the last of its kind for an ML in a campaign year. */
export type Assessment = { ml_id: string; campaign: number; phase: Phase; date: string; postponed: boolean };

/** Shares of assessments scored by elements only and by criteria only; the rest mix both. */
export const ELEMENT_ONLY_SHARE = 0.65;
export const CRITERION_ONLY_SHARE = 0.25;
/** In a mixed assessment, share of criteria that also get a criterion-level level. */
export const MIXED_CRITERION_SHARE = 0.3;
/** Share of elements left empty (not assessed). */
export const MISSING_ELEMENT_SHARE = 0.025;

/** The first decision (label or postponement) after row `i` of the same ML. */
function nextDecision(rollout: readonly LabellisationRow[], i: number): LabellisationRow | undefined {
	for (let j = i + 1; j < rollout.length && rollout[j].ml_id === rollout[i].ml_id; j++) {
		if (rollout[j].etape === 'label' || rollout[j].etape === 'ajournement') return rollout[j];
	}
	return undefined;
}

/** The assessments of the history: `auto-evaluation` steps, and `audit` or `audit-suivi` steps. */
export function assessments(rollout: readonly LabellisationRow[]): Assessment[] {
	const byKey = new Map<string, Assessment>();
	rollout.forEach((row, i) => {
		const phase: Phase | undefined =
			row.etape === 'auto-evaluation'
				? 'auto-evaluation'
				: row.etape === 'audit' || row.etape === 'audit-suivi'
					? 'audit'
					: undefined;
		if (!phase) return;
		const decision = nextDecision(rollout, i);
		const campaign = +row.date.slice(0, 4);
		// Rows are ordered by date: a later assessment of the same kind in the same year replaces the earlier one.
		byKey.set(`${row.ml_id}|${campaign}|${phase}`, {
			ml_id: row.ml_id,
			campaign,
			phase,
			date: row.date,
			postponed: row.etape === 'audit' && decision?.etape === 'ajournement'
		});
	});
	const phaseOrder = (p: Phase) => (p === 'auto-evaluation' ? 0 : 1);
	return [...byKey.values()].sort(
		(a, b) => byCode(a.ml_id, b.ml_id) || a.campaign - b.campaign || phaseOrder(a.phase) - phaseOrder(b.phase)
	);
}

/** How an assessment is scored: elements only, criteria only, or both. */
export type ScoringMode = 'elements' | 'criteria' | 'mixed';

/** The rows of one assessment; `forced` fixes its mode (the scaled network scores elements only). */
export function score(
	a: Assessment,
	criteria: readonly Criterion[],
	strength: number,
	forced?: ScoringMode
): EvaluationRow[] {
	const rng = random('evaluation', a.ml_id, a.campaign, a.phase);
	const draw = rng.float();
	const mode: ScoringMode =
		forced ??
		(draw < ELEMENT_ONLY_SHARE
			? 'elements'
			: draw < ELEMENT_ONLY_SHARE + CRITERION_ONLY_SHARE
				? 'criteria'
				: 'mixed');
	const rows: EvaluationRow[] = [];
	const row = (critere_id: string, element_id: string | null, niveau: number | null): EvaluationRow => ({
		ml_id: a.ml_id,
		campagne: a.campaign,
		phase: a.phase,
		critere_id,
		element_id,
		niveau,
		date: a.date
	});
	for (const c of criteria) {
		const mean =
			BASE_LEVEL +
			criterionEffect(c.id) +
			strength +
			random('ml-criterion', a.ml_id, c.id).normal(0, ML_CRITERION_SD) +
			campaignEffect(c.id, a.campaign) +
			(a.phase === 'auto-evaluation' ? selfBias(c.id) : 0) +
			(a.postponed ? POSTPONED_AUDIT_PENALTY : 0) +
			rng.normal(0, ASSESSMENT_SD);
		const criterionLevel = mode === 'criteria' || (mode === 'mixed' && rng.chance(MIXED_CRITERION_SHARE));
		if (criterionLevel) {
			const elements = c.elements.reduce((sum, e) => sum + elementEffect(e), 0) / c.elements.length;
			rows.push(row(c.id, null, toLevel(mean + elements + rng.normal(0, ASSESSMENT_SD))));
		}
		if (mode === 'criteria') continue;
		const levels = c.elements.map((e): number | null => {
			const missing = rng.chance(MISSING_ELEMENT_SHARE);
			const level = toLevel(mean + elementEffect(e) + rng.normal(0, ELEMENT_SD));
			return missing ? null : level;
		});
		// Without a criterion-level row, a criterion keeps at least one assessed element.
		if (!criterionLevel && !levels.some((l) => l !== null)) {
			levels[0] = toLevel(mean + elementEffect(c.elements[0]));
		}
		c.elements.forEach((e, k) => rows.push(row(c.id, e, levels[k])));
	}
	return rows;
}

/** Every level of every assessment, ordered by ML, campaign, phase and référentiel order. */
export function buildEvaluations(
	network: readonly MissionLocale[],
	rollout: readonly LabellisationRow[],
	criteria: readonly Criterion[]
): EvaluationRow[] {
	const strength = mlEffects(network);
	return assessments(rollout).flatMap((a) => score(a, criteria, strength.get(a.ml_id)!));
}
