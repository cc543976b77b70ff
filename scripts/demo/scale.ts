/**
 * The demo network at scale (`npm run data -- --scale 10`): each demo Mission Locale stands for
 * `scale` structures, and every structure is assessed element by element in each of five campaigns
 * and both phases, to measure the app on several million rows. Same contract, same seeded draws:
 * the same bytes on every run. It never replaces the demo (it is written to `data/scale-<n>/`).
 */
import { addDays, workday } from './calendar.ts';
import { score, type Assessment, type EvaluationRow } from './evaluations.ts';
import type { MissionLocale } from './network.ts';
import { mlEffects } from './profile.ts';
import { random } from './random.ts';
import type { Criterion } from './referentiel.ts';

/** The campaigns every structure of the scaled network is assessed in. */
export const SCALE_CAMPAIGNS = [2021, 2022, 2023, 2024, 2025] as const;
const PHASES = ['auto-evaluation', 'audit'] as const;

/**
 * `scale` structures per demo ML: the first keeps its id and name, the others are `<id>-<k>`
 * (« Mission Locale de Lille 2 »), with the same département, ARML and size; in the demo's
 * order, each ML followed by its copies.
 */
export function scaleNetwork(network: readonly MissionLocale[], scale: number): MissionLocale[] {
	if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale: a whole number ≥ 1, not ${scale}`);
	return network.flatMap((ml) =>
		Array.from({ length: scale }, (_, k) =>
			k === 0 ? ml : { ...ml, ml_id: `${ml.ml_id}-${k + 1}`, nom: `${ml.nom} ${k + 1}` }
		)
	);
}

/** One structure's assessments: a self-assessment in spring, an audit in autumn, each campaign. */
export function scaledAssessments(ml_id: string): Assessment[] {
	const rng = random('scale-dates', ml_id);
	return SCALE_CAMPAIGNS.flatMap((campaign) =>
		PHASES.map((phase) => ({
			ml_id,
			campaign,
			phase,
			date: workday(addDays(`${campaign}-${phase === 'audit' ? '09' : '03'}-01`, rng.int(0, 60))),
			postponed: false
		}))
	);
}

/**
 * Every element of every criterion, for each structure, campaign and phase, in ML, campaign, phase
 * and référentiel order; `campaigns` keeps only some campaigns (the plans need the last one only).
 */
export function* scaledEvaluations(
	network: readonly MissionLocale[],
	criteria: readonly Criterion[],
	campaigns: readonly number[] = SCALE_CAMPAIGNS
): Generator<EvaluationRow> {
	const strength = mlEffects(network);
	for (const ml of network)
		for (const a of scaledAssessments(ml.ml_id))
			if (campaigns.includes(a.campaign)) yield* score(a, criteria, strength.get(ml.ml_id)!, 'elements');
}
