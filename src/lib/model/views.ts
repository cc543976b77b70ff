import type { KeyFigure, Phase } from './domain';
import type { ColumnLevel, Filters, RowLevel, Status } from './filters';
import type { MapLevel, MapMeasure } from './rows';

/**
 * The questions views ask, on the ground floor: a query builder (`db/queries/`) and the cube
 * function that stands for it (`cube/`) take the same options, and neither imports the other's.
 */

/** The phases a phase choice stands for. */
export function phasesOf(phase: Filters['phase']): Phase[] {
	return phase === 'both' ? ['auto-evaluation', 'audit'] : [phase];
}

/** A heatmap: which rows, which columns, which MLs, and the status date. */
export type HeatmapOptions = Pick<Filters, 'campaign' | 'phase' | 'arml' | 'chapter' | 'status'> & {
	rows: RowLevel;
	columns: ColumnLevel | 'element';
	/** Required when `columns` is `element`: whose elements. */
	criterion?: string | null;
	threshold: number;
	today: string;
};

/** What the ARML views are computed for: one campaign choice, one phase, the status date. */
export type ArmlViewOptions = { campaign: Filters['campaign']; phase: Phase; today: string };

/** Who is looked at: one phase, one campaign (or each ML's latest), optionally an ARML and a status. */
export type CriteriaScope = Pick<Filters, 'campaign' | 'arml' | 'status'> & {
	phase: Phase;
	/** A criterion is *atteint* at or above this score. */
	threshold: number;
	/** Date at which the labellisation status is read. */
	today: string;
};

/** Below this absolute change of the mean, a criterion *stagne*. */
export const STALL = 0.05;

/** Two campaigns compared, in a scope. */
export type ChangeOptions = Omit<CriteriaScope, 'campaign' | 'threshold'> & { from: number; to: number };

/** One criterion, in a scope. */
export type CriterionOptions = CriteriaScope & { criterion: string };

/** The scope of a training programme and the criteria it targets. */
export type TrainingOptions = CriteriaScope & { criteria: readonly string[] };

/** A map: which areas, which measure, and what the measure needs. */
export type MapOptions = {
	level: MapLevel;
	measure: MapMeasure;
	/** Status date of the labellisation rate. */
	today: string;
	/** Phase of the scores (mean score, share below the threshold). */
	phase: Phase;
	/** Criterion of the share below the threshold. */
	criterion: string | null;
	threshold: number;
	/** Key figure counted per 100 young people followed, in the latest year with figures. */
	keyFigure: KeyFigure;
	/** Campaign of the scores: each ML's latest (the default) or one year. */
	campaign?: Filters['campaign'];
	/** Only the MLs of this ARML (the default null: every ML). */
	arml?: string | null;
	/** Only the MLs with this status on `today` (the default null: every ML). */
	status?: Status | null;
};

/** The self-assessment against audit views: one campaign choice, the status date. */
export type PairedOptions = { campaign: Filters['campaign']; today: string };

/** The plan views' weak criteria: one phase, one campaign choice, the threshold, the status date. */
export type PlansScope = { phase: Phase; campaign: Filters['campaign']; threshold: number; today: string };

/** The criteria explorer's plans: the scope, narrowed to an ARML and a status when they are set. */
export type CriteriaPlansOptions = PlansScope & Pick<Filters, 'arml' | 'status'>;

/** An ARML's overdue actions, its MLs placed on the status date. */
export type OverdueOptions = { arml: string; today: string };
