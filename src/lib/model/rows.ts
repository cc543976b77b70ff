/**
 * The shapes of the rows views read, on the ground floor: query builders return them, the cube
 * layer computes them, charts and components draw them.
 */
import type { ActionStatus, FindingType, KeyFigure, Phase, Rate, Step } from './domain';

/** One line of the ARML index; `arml_code` is null on the national line. */
export type ArmlSummary = {
	arml_code: string | null;
	arml_nom: string;
	mls: number;
	/** MLs labelled on `today` (status `labellisee`). */
	labelled: number;
	labelled_share: number | null;
	/** Mean over the ARML's MLs of their overall score (MLs with every criterion assessed). */
	overall: number | null;
	/** MLs behind `overall`. */
	assessed: number;
};

/** One ML of an ARML, with its rank by overall score. */
export type MlRank = {
	ml_id: string;
	nom: string;
	commune: string | null;
	status: string;
	/** Criteria scored in this view. */
	criteria: number;
	overall: number | null;
	/** 1 = best; MLs whose scores round to the same hundredth share a rank; null when not ranked. */
	rank: number | null;
	/** MLs of the ARML that have a rank. */
	ranked: number;
	/** Criteria scored below the label threshold. */
	below: number;
	/** Its three lowest criteria (lowest first, référentiel order on ties), `;`-separated. */
	weakest_ids: string | null;
	/** Their scores, same order. */
	weakest_scores: string | null;
};

/** One criterion: the ARML's mean, the nation's, and the gap (ARML − nation). */
export type CriterionGap = {
	criterion_id: string;
	short_label: string;
	title: string;
	chapter_id: string;
	position: number;
	arml_mean: number | null;
	arml_n: number;
	national_mean: number | null;
	national_n: number;
	gap: number | null;
};

/** One ML's rated figures for a year, beside the ARML's and the nation's medians of the same rates. */
export type MlRates = { ml_id: string; nom: string; annee: number } & RateValues &
	NationalRates &
	Record<`${Rate}_arml`, number | null>;

/** A criterion ranked by the share of MLs below the threshold, with its distribution of levels. */
export type CriterionRank = {
	criterion_id: string;
	short_label: string;
	title: string;
	position: number;
	/** MLs with a score on this criterion. */
	n: number;
	/** MLs whose (unrounded) score is below the threshold. */
	below: number;
	share_below: number;
	mean: number;
	level_1: number;
	level_2: number;
	level_3: number;
	level_4: number;
	/** Distinct MLs with a score on any criterion in scope (the same on every row). */
	mls: number;
};

/** The mean of a criterion in two campaigns, and how it changed. */
export type CriterionChange = {
	criterion_id: string;
	short_label: string;
	title: string;
	position: number;
	mean_from: number | null;
	n_from: number;
	mean_to: number | null;
	n_to: number;
	/** `mean_to − mean_from`; null when a campaign has no score. */
	delta: number | null;
	trend: 'progresse' | 'stagne' | 'recule' | null;
};

/** Self-assessment against audit on one criterion, over pairs (same ML, same campaign). */
export type SelfAuditGap = {
	criterion_id: string;
	short_label: string;
	title: string;
	position: number;
	/** (ML, campaign) pairs with both phases scored on this criterion. */
	pairs: number;
	mean_self: number;
	mean_audit: number;
	/** Mean of (self − audit) over the pairs: positive when the self-assessment overrates. */
	gap: number;
};

/** One ARML on one criterion: MLs scored, MLs below the threshold. */
export type ArmlBelow = {
	arml_code: string;
	arml_nom: string;
	n: number;
	below: number;
	share_below: number;
	mean: number;
};

/** An ML below the threshold on a criterion. */
export type MlBelow = { ml_id: string; nom: string; arml_code: string; arml_nom: string; score: number };

/** The mean level of one element of a criterion, from element-level rows. */
export type ElementMean = {
	element_id: string;
	text: string;
	position: number;
	mean: number;
	/** MLs with a level on this element. */
	n: number;
	/** Share of those MLs below the threshold on the element. */
	share_below: number;
	/** Distinct MLs noted on any element of the criterion (the same on every row). */
	mls: number;
};

/** One known value of a filter: campaigns present in the data, ARML of the reference data. */
export type DomainRow = { kind: 'campaign' | 'arml'; value: string; label: string };

/** One cell of a maturity heatmap. */
export type HeatmapCell = {
	phase: Phase;
	row_id: string;
	row_label: string;
	/** Mean over the row's MLs of their overall score (MLs with every criterion assessed). */
	row_overall: number | null;
	/** MLs behind `row_overall` (those with every criterion assessed). */
	row_overall_n: number;
	/** MLs in the row (after filters), assessed or not. */
	row_mls: number;
	/** MLs of the row with at least one score in this view. */
	row_assessed: number;
	col_id: string;
	col_label: string;
	col_title: string;
	group_id: string;
	group_label: string;
	col_position: number;
	mean: number;
	share: number;
	n: number;
};

/** National totals of one year's key figures; `mls` is how many MLs reported that year. */
export type KeyFigureTotals = { annee: number; mls: number } & Record<KeyFigure, number | null>;

/** Who an ML is, where it sits and where it stands in the labellisation on `today`. */
export type MlProfile = {
	ml_id: string;
	nom: string;
	commune: string | null;
	departement_code: string;
	departement_nom: string | null;
	arml_code: string | null;
	arml_nom: string | null;
	status: 'labellisee' | 'ajournee' | 'en-cours' | 'non-engagee';
	current_step: Step | null;
	current_step_date: string | null;
	statut: string | null;
	sites: number | null;
	effectif_etp: number | null;
};

/** One criterion of an ML's profile: its score, its ARML's mean and the national mean. */
export type MlCriterionScore = {
	criterion_id: string;
	short_label: string;
	title: string;
	chapter_id: string;
	position: number;
	/** Null when the ML has no score for it in this view. */
	score: number | null;
	/** The campaign the ML's score comes from. */
	campagne: number | null;
	arml_mean: number | null;
	arml_n: number;
	national_mean: number | null;
	national_n: number;
};

/** One event of an ML's labellisation journey. */
export type MlEvent = { etape: Step; date: string; commentaire: string | null };

/** One year of an ML's key figures with its rates and the national medians of that year. */
export type MlYear = { annee: number; premiers_accueils: number | null; pacea: number | null } & RateValues &
	NationalRates;

/** How many MLs stand at each step on a date, by ARML (`step` is `non-engagee` for no event yet). */
export type StepCount = { arml_code: string; arml_nom: string; step: string; n: number };

/** Month by month: MLs engaged (first event) and labelled (first label), cumulated; `total` MLs. */
export type TimelinePoint = { month: string; engaged: number; labelled: number; total: number };

/** Per-ML counts of the rated figures and their rates. */
export type RateValues = { jeunes_accompagnes: number | null } & Record<Rate, number | null> &
	Record<`${Rate}_rate`, number | null>;

/** National medians of the rates, and how many MLs reported that year. */
export type NationalRates = Record<`${Rate}_national`, number | null> & { national_mls: number };

/** One Mission Locale found by the search box; `total` counts every match, not only those returned. */
export type MlMatch = {
	ml_id: string;
	nom: string;
	commune: string | null;
	departement_code: string;
	arml_nom: string | null;
	total: number;
};

/** One ARML × one targeted criterion. */
export type TrainingCount = {
	arml_code: string;
	arml_nom: string;
	criterion_id: string;
	/** MLs of the ARML scored on the criterion. */
	assessed: number;
	/** Of those, MLs below the threshold. */
	below: number;
	/** MLs of the ARML below the threshold on at least one targeted criterion (same on every row of the ARML). */
	mls_below: number;
};

/** One ML below the threshold on one targeted criterion. */
export type TrainingTarget = {
	ml_id: string;
	nom: string;
	arml_code: string;
	arml_nom: string;
	criterion_id: string;
	score: number;
};

/** An ML to train, with the targeted criteria it is below on. */
export type TargetMl = {
	ml_id: string;
	nom: string;
	arml_nom: string;
	below: { criterion_id: string; score: number }[];
};

/** What the map shows: ARML or départements. */
export type MapLevel = 'arml' | 'departement';
/** What colours the map: labellisation rate, mean score, a criterion's share below the threshold, a key figure per 100 young people. */
export type MapMeasure = 'labellisation' | 'score' | 'below' | 'keyFigure';
/** One area of the map (`value` null when no ML of the area has one). */
export type MapArea = {
	area_id: string;
	area_label: string;
	arml_code: string;
	arml_nom: string;
	/** Its département codes, comma-separated (one for a département). */
	departements: string;
	value: number | null;
	n: number;
	mls: number;
};

/**
 * One line of a self-assessment against audit view: an ML (`kind` ml, `n` criteria) or a
 * criterion of one ML (`kind` criterion), then the ARML's and the nation's means (`n` MLs).
 * `gap` = self − audit: positive when the ML rated itself higher than the auditors did.
 */
export type PairedRow = {
	kind: 'ml' | 'criterion' | 'arml' | 'nation';
	id: string | null;
	label: string;
	self: number | null;
	audit: number | null;
	gap: number | null;
	n: number;
	/** On a criterion's line: the mean gap of the ARML's MLs (over `arml_n`) and of all MLs. */
	arml_gap: number | null;
	arml_n: number | null;
	national_gap: number | null;
};

/** How many improvement actions and audit findings the dataset holds, and the data's latest date. */
export type PlansPresence = { actions: number; constats: number; as_of: string | null };

/**
 * One improvement action of an ML (`overdue`: deadline passed, still planned or under way; null
 * when the data hold no date to compare it with).
 */
export type MlAction = {
	criterion_id: string;
	short_label: string;
	libelle: string;
	echeance: string;
	statut: ActionStatus;
	date_maj: string | null;
	overdue: boolean | null;
};

/** One finding of an ML's latest audit. */
export type MlFinding = {
	campagne: number;
	criterion_id: string;
	short_label: string;
	type: FindingType;
	texte: string;
};

/** An overdue action of one of an ARML's MLs. */
export type OverdueAction = {
	ml_id: string;
	nom: string;
	criterion_id: string;
	short_label: string;
	libelle: string;
	echeance: string;
	statut: ActionStatus;
};

/** A criterion some of an ARML's MLs score below the threshold: how many, and those without an action. */
export type UncoveredCriterion = {
	criterion_id: string;
	short_label: string;
	weak: number;
	uncovered: number;
	uncovered_mls: string | null;
};

/** A criterion network-wide: MLs assessed (`n`) and below the threshold, with or without an action; its actions. */
export type CriterionPlans = {
	criterion_id: string;
	short_label: string;
	n: number;
	weak: number;
	weak_planned: number;
	actions: number;
	done: number;
	mls: number;
};
