/**
 * The structure built into the demo scores, so that the observatory's views have something to find.
 * docs/demo-data.md states it with figures and scripts/demo-data/*.test.ts checks each statement.
 *
 * A level is the rounded sum of a base, effects of the criterion, element, ARML, ML, campaign and
 * phase, and noise; clamped to 1–4.
 */
import type { MissionLocale } from './network.ts';
import { random } from './random.ts';

export const BASE_LEVEL = 2.6;

/** Criteria clearly weaker network-wide. */
export const WEAK_CRITERIA: Readonly<Record<string, number>> = {
	'3.3': -0.65, // observatoire de la situation des jeunes
	'3.4': -0.65, // lieu partenarial d'innovation
	'4.4.2': -0.6, // partenariat avec les employeurs
	'5.4': -0.55 // évaluation de l'efficacité et de l'impact
};

/** The weakest elements, inside weak criteria. */
export const WEAKEST_ELEMENTS: Readonly<Record<string, number>> = {
	'3.3.b': -0.7, // diffusion des connaissances sur la situation des jeunes
	'4.4.2.b': -0.7 // réflexions communes avec les acteurs économiques
};

/** ARML clearly ahead (+) or behind (−); the others get small effects. */
export const ARML_EFFECTS: Readonly<Record<string, number>> = {
	bretagne: 0.4,
	'pays-de-la-loire': 0.35,
	'grand-est': -0.35,
	'antilles-guyane': -0.45
};

/** Gain per campaign after 2023, except on the stalled criteria. */
export const PROGRESS_PER_CAMPAIGN = 0.2;
export const STALLED_CRITERIA: readonly string[] = ['3.3', '4.1.2'];

/** Self-assessments overrate, most on two criteria. */
export const SELF_BIAS = 0.38;
export const SELF_BIAS_BY_CRITERION: Readonly<Record<string, number>> = { '2.2': 0.85, '4.3.3': 0.85 };

/** An audit that led to a postponement scored lower. */
export const POSTPONED_AUDIT_PENALTY = -0.5;

export const ML_SD = 0.3;
export const ML_CRITERION_SD = 0.25;
export const ASSESSMENT_SD = 0.2;
export const ELEMENT_SD = 0.45;

export const criterionEffect = (id: string) =>
	WEAK_CRITERIA[id] ?? random('criterion', id).uniform(-0.1, 0.2);
export const elementEffect = (id: string) =>
	WEAKEST_ELEMENTS[id] ?? random('element', id).uniform(-0.15, 0.15);
export const armlEffect = (code: string) => ARML_EFFECTS[code] ?? random('arml', code).uniform(-0.1, 0.1);

export function campaignEffect(criterion: string, campaign: number): number {
	return STALLED_CRITERIA.includes(criterion) ? 0 : PROGRESS_PER_CAMPAIGN * (campaign - 2023);
}

export function selfBias(criterion: string): number {
	return SELF_BIAS_BY_CRITERION[criterion] ?? SELF_BIAS;
}

/**
 * Each ML's lasting strength. Centred within its ARML, so that an ARML's average is its designed
 * effect even when it has two MLs (Corse).
 */
export function mlEffects(network: readonly MissionLocale[]): Map<string, number> {
	const raw = new Map(network.map((ml) => [ml.ml_id, random('ml', ml.ml_id).normal(0, ML_SD)]));
	const sums = new Map<string, { sum: number; n: number }>();
	for (const ml of network) {
		const s = sums.get(ml.arml_code) ?? { sum: 0, n: 0 };
		s.sum += raw.get(ml.ml_id)!;
		s.n++;
		sums.set(ml.arml_code, s);
	}
	return new Map(
		network.map((ml) => {
			const { sum, n } = sums.get(ml.arml_code)!;
			return [ml.ml_id, raw.get(ml.ml_id)! - sum / n + armlEffect(ml.arml_code)];
		})
	);
}

/** A latent value to a level 1–4. */
export const toLevel = (latent: number) => Math.min(4, Math.max(1, Math.round(latent)));
