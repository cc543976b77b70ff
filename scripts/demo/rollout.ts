/**
 * The labellisation history of each ML, following the real rollout: inscriptions from January 2023,
 * self-assessments from April 2023, a dozen pilot MLs labelled by the Commission nationale in
 * December 2023, every ML engaged by the end of 2024, most audited and labelled in 2024–2025.
 */
import type { Step } from '../../src/lib/data/contract.ts';
import { byCode } from '../reference.ts';
import { TODAY, addDays, interpolateDate, later, nextSession, workday } from './calendar.ts';
import type { MissionLocale } from './network.ts';
import { random } from './random.ts';

export type LabellisationRow = { ml_id: string; etape: Step; date: string; commentaire: string | null };

/** MLs of the pilot wave, labelled at the first session (December 2023). */
export const PIONEERS = 12;
/** Share of first decisions that postpone the label. */
export const POSTPONE_RATE = 0.045;

/** Inscription date by rank in the engagement order (0 = first, 1 = last). */
const INSCRIPTIONS: readonly (readonly [number, string])[] = [
	[0, '2023-01-09'],
	[PIONEERS / 437, '2023-02-17'],
	[0.55, '2023-12-15'],
	[0.8, '2024-06-28'],
	[1, '2024-12-13']
];
const SELF_ASSESSMENTS_START = '2023-04-03';
const PILOT_AUDITS_START = '2023-09-11';
const AUDITS_START = '2024-01-15';
/** Days between an audit and the session that can examine it. */
const COMMISSION_DELAY = 28;

const COMMENTS: Record<string, string> = {
	inscription: 'Inscription à la démarche de labellisation',
	selfAssessment: 'Auto-évaluation transmise',
	followUpSelfAssessment: 'Auto-évaluation de suivi',
	plan: 'Plan d’amélioration établi',
	audit: 'Audit sur site',
	reAudit: 'Nouvel audit après ajournement',
	commission: 'Examen par la Commission nationale de labellisation',
	label: 'Label accordé par la Commission nationale',
	postponed: 'Décision ajournée : nouvel audit demandé',
	followUpAudit: 'Audit de suivi'
};

const STEP_ORDER: readonly Step[] = [
	'inscription',
	'auto-evaluation',
	'plan-amelioration',
	'audit',
	'commission',
	'ajournement',
	'label',
	'audit-suivi'
];

/** One ML's path; events after TODAY are dropped (the tail still in progress). */
function history(ml: MissionLocale, rank: number, count: number): LabellisationRow[] {
	const rng = random('rollout', ml.ml_id);
	const pioneer = rank < PIONEERS;
	const rows: LabellisationRow[] = [];
	const add = (etape: Step, date: string, comment: string) => {
		if (date <= TODAY) rows.push({ ml_id: ml.ml_id, etape, date, commentaire: COMMENTS[comment] });
		return date <= TODAY;
	};

	const inscription = workday(addDays(interpolateDate(rank / (count - 1), INSCRIPTIONS), rng.int(-3, 3)));
	const self = later(
		addDays(inscription, rng.uniform(30, 150)),
		addDays(SELF_ASSESSMENTS_START, rng.int(0, pioneer ? 30 : 60))
	);
	const plan = addDays(self, rng.uniform(30, 120));
	const audit = pioneer
		? addDays(PILOT_AUDITS_START, rng.int(0, 55))
		: later(addDays(plan, rng.uniform(90, 330)), addDays(AUDITS_START, rng.int(0, 75)));
	add('inscription', inscription, 'inscription');
	add('auto-evaluation', self, 'selfAssessment');
	add('plan-amelioration', plan, 'plan');
	if (!add('audit', audit, 'audit')) return rows;

	let session = nextSession(audit, COMMISSION_DELAY);
	if (!session || !add('commission', session, 'commission')) return rows;
	if (!pioneer && rng.chance(POSTPONE_RATE)) {
		add('ajournement', session, 'postponed');
		const reAudit = addDays(session, rng.uniform(120, 240));
		if (!add('audit', reAudit, 'reAudit')) return rows;
		session = nextSession(reAudit, COMMISSION_DELAY);
		if (!session || !add('commission', session, 'commission')) return rows;
	}
	add('label', session, 'label');
	for (let year = 1; ; year++) {
		const followUp = addDays(session, 365 * year + rng.int(-20, 20));
		if (followUp > TODAY) break;
		add('auto-evaluation', addDays(followUp, -rng.uniform(30, 60)), 'followUpSelfAssessment');
		add('audit-suivi', followUp, 'followUpAudit');
	}
	return rows;
}

/** Every step of every ML, ordered by ML, date and step. */
export function buildRollout(network: readonly MissionLocale[]): LabellisationRow[] {
	const order = random('rollout-order').shuffle(network.map((ml) => ml.ml_id));
	const rank = new Map(order.map((id, i) => [id, i]));
	return network
		.flatMap((ml) => history(ml, rank.get(ml.ml_id)!, network.length))
		.sort(
			(a, b) =>
				byCode(a.ml_id, b.ml_id) ||
				byCode(a.date, b.date) ||
				STEP_ORDER.indexOf(a.etape) - STEP_ORDER.indexOf(b.etape)
		);
}
