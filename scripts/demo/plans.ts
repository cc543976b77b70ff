/**
 * Improvement plans and audit findings of the demo (the optional `actions` and `constats` tables).
 * Tied to the scores: a plan follows an ML's latest self-assessment and mostly targets the criteria
 * it scored below the threshold; an audit's findings name its weakest criteria as « axes de
 * progrès » and its strongest as « points forts ».
 */
import type { ActionStatus, FindingType } from '../../src/lib/model/domain.ts';
import { TODAY, addDays } from './calendar.ts';
import type { EvaluationRow } from './evaluations.ts';
import { random } from './random.ts';
import type { LabellisationRow } from './rollout.ts';

export type ActionRow = {
	ml_id: string;
	critere_id: string;
	libelle: string;
	echeance: string;
	statut: ActionStatus;
	date_maj: string | null;
};

export type FindingRow = {
	ml_id: string;
	campagne: number;
	critere_id: string;
	type: FindingType;
	texte: string;
};

/** The référentiel's « Atteint » level: a criterion scored below it is weak. */
export const THRESHOLD = 3;
/** Share of weak criteria that get at least one action; of the others, a few get one too. */
export const WEAK_PLANNED = 0.8;
export const STRONG_PLANNED = 0.04;
/** Audit scores from which a criterion is called a strength; below THRESHOLD, an area to improve. */
export const STRENGTH_FROM = 3.5;
export const MAX_STRENGTHS = 3;

const ACTIONS = [
	'Formaliser la procédure et la partager avec l’équipe',
	'Former les conseillers',
	'Mettre en place un tableau de suivi',
	'Organiser un groupe de travail avec les partenaires',
	'Revoir les outils et supports',
	'Programmer une revue semestrielle en comité de direction'
];
const AREAS = [
	'Les pratiques existent mais ne sont pas formalisées.',
	'Le suivi des résultats n’est pas outillé.',
	'Les partenaires ne sont pas associés au bilan.',
	'La démarche dépend de quelques personnes et n’est pas partagée par l’équipe.'
];
const STRENGTHS = [
	'Pratique structurée, documentée et partagée par l’équipe.',
	'Résultats suivis et présentés au conseil d’administration.',
	'Démarche reconnue par les partenaires du territoire.'
];

type Scores = Map<string, number>;

/** The score of each criterion of one assessment: a criterion-level level wins, else the elements' mean. */
function scoresOf(rows: readonly EvaluationRow[]): Scores {
	const byCriterion = new Map<string, { own: number | null; sum: number; n: number }>();
	for (const r of rows) {
		if (r.niveau === null) continue;
		const entry = byCriterion.get(r.critere_id) ?? { own: null, sum: 0, n: 0 };
		if (r.element_id === null) entry.own = r.niveau;
		else {
			entry.sum += r.niveau;
			entry.n += 1;
		}
		byCriterion.set(r.critere_id, entry);
	}
	return new Map([...byCriterion].map(([id, e]) => [id, e.own ?? e.sum / e.n]));
}

/** Each ML's latest assessment of a phase: its campaign and its rows. */
function latest(evaluations: readonly EvaluationRow[], phase: EvaluationRow['phase']) {
	const byMl = new Map<string, { campaign: number; rows: EvaluationRow[] }>();
	for (const r of evaluations) {
		if (r.phase !== phase) continue;
		const entry = byMl.get(r.ml_id);
		if (!entry || r.campagne > entry.campaign) byMl.set(r.ml_id, { campaign: r.campagne, rows: [r] });
		else if (r.campagne === entry.campaign) entry.rows.push(r);
	}
	return byMl;
}

function status(deadline: string, draw: number): ActionStatus {
	if (deadline <= TODAY)
		return draw < 0.6 ? 'realisee' : draw < 0.8 ? 'en-cours' : draw < 0.88 ? 'prevue' : 'abandonnee';
	return draw < 0.45 ? 'prevue' : draw < 0.95 ? 'en-cours' : 'abandonnee';
}

/** The actions of each ML with an improvement plan, in ML and référentiel order. */
export function buildActions(
	rollout: readonly LabellisationRow[],
	evaluations: readonly EvaluationRow[]
): ActionRow[] {
	const plans = new Map<string, string>();
	for (const r of rollout) if (r.etape === 'plan-amelioration') plans.set(r.ml_id, r.date);
	const selfAssessed = latest(evaluations, 'auto-evaluation');
	const rows: ActionRow[] = [];
	for (const [ml, planDate] of plans) {
		const assessment = selfAssessed.get(ml);
		if (!assessment) continue;
		for (const [criterion, score] of scoresOf(assessment.rows)) {
			const rng = random('actions', ml, criterion);
			if (!rng.chance(score < THRESHOLD ? WEAK_PLANNED : STRONG_PLANNED)) continue;
			const picked = rng.shuffle(ACTIONS).slice(0, rng.int(1, 2));
			for (const libelle of picked) {
				const echeance = addDays(planDate, rng.int(90, 540));
				const statut = status(echeance, rng.float());
				const updated = addDays(planDate, rng.int(20, 400));
				rows.push({
					ml_id: ml,
					critere_id: criterion,
					libelle,
					echeance,
					statut,
					date_maj: rng.chance(0.1) ? null : updated > TODAY ? TODAY : updated
				});
			}
		}
	}
	return rows;
}

/** The findings of each ML's latest audit, in ML and référentiel order. */
export function buildFindings(evaluations: readonly EvaluationRow[]): FindingRow[] {
	const rows: FindingRow[] = [];
	for (const [ml, audit] of latest(evaluations, 'audit')) {
		const scores = [...scoresOf(audit.rows)];
		const strengths = new Set(
			scores
				.filter(([, s]) => s >= STRENGTH_FROM)
				.sort((a, b) => b[1] - a[1])
				.slice(0, MAX_STRENGTHS)
				.map(([id]) => id)
		);
		for (const [criterion, score] of scores) {
			const rng = random('constats', ml, audit.campaign, criterion);
			const finding = (type: FindingType, texts: readonly string[]) =>
				rows.push({
					ml_id: ml,
					campagne: audit.campaign,
					critere_id: criterion,
					type,
					texte: texts[rng.int(0, texts.length - 1)]
				});
			if (score < THRESHOLD && rng.chance(0.9)) finding('axe-de-progres', AREAS);
			else if (strengths.has(criterion)) finding('point-fort', STRENGTHS);
		}
	}
	return rows;
}
