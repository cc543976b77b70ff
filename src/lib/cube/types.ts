import type { KeyFigure } from '../model/domain';

/**
 * The cube: what every view of the dashboard reads, pre-aggregated by DuckDB once per dataset
 * (at build time for the demo, at import time for the user's data) and kept as typed columns.
 * Indexes point into the lists beside them; -1 (or NaN for numbers) stands for SQL NULL.
 */
export type Cube = {
	/** The data's own date (ISO): statuses are read on it, projections count from it. */
	date: string;
	/** Campaigns present in `evaluations` (the filters' domain), ascending. */
	campaigns: number[];
	/** The reference geography, in table order. */
	arml: { code: string[]; name: string[] };
	regions: { code: string[]; name: string[] };
	departements: { code: string[]; name: string[]; region: Int32Array; arml: Int32Array };
	/** The Missions Locales (`missions_locales`), by id. */
	mls: {
		id: string[];
		name: string[];
		commune: (string | null)[];
		departementCode: string[];
		/** Index in `departements`, -1 when the code is unknown there. */
		departement: Int32Array;
		statut: (string | null)[];
		sites: Float64Array;
		etp: Float64Array;
		/** Index in STATUSES_AT_DATE of the status on `date`. */
		status: Uint8Array;
		/** Index in STEPS of the latest step on `date`, -1 for none. */
		step: Int8Array;
		/** Its date in days since 1970-01-01 (-1 for none). */
		stepDay: Int32Array;
	};
	/**
	 * Evaluations, one group per (ML, campaign, phase) with at least one level, sorted by ML,
	 * campaign, phase. Per group and criterion (référentiel order), the sum and count of the levels
	 * behind its score (the criterion-level rows when there are, else its elements'); per group
	 * and element, the sum and count of its levels.
	 */
	groups: { ml: Uint32Array; campaign: Uint16Array; phase: Uint8Array };
	scoreSum: Uint16Array;
	scoreCount: Uint8Array;
	elementSum: Uint16Array;
	elementCount: Uint8Array;
	/** Labellisation events, sorted by ML, date and step order. */
	events: { ml: Uint32Array; step: Uint8Array; day: Int32Array; comment: Int32Array };
	comments: string[];
	/** Key figures, one row per (ML, year) sorted by ML and year; NaN for an empty figure. */
	figures: { ml: Uint32Array; year: Uint16Array; values: Record<KeyFigure, Float64Array> };
	/** Improvement plans and audit findings (the optional `actions` and `constats` tables). */
	plans: CubePlans;
};

/**
 * The plan tables, row by row (unsorted: each view orders its rows). Their ML ids index `mls`,
 * their own list: the contract lets them name an ML that `missions_locales` lacks (a batch
 * without it). Texts index `texts` (a few labels repeat across the network). Days count from
 * 1970-01-01, `NO_DAY` for none. Rows whose criterion, status or type the lists do not know are
 * left out (the contract refuses them); the counts are the tables' own.
 */
export type CubePlans = {
	/** Rows of `actions` and `constats`, and the plan views' date (`plansPresenceQuery`). */
	actionCount: number;
	findingCount: number;
	asOf: string | null;
	mls: string[];
	texts: string[];
	/** `status`: index in ACTION_STATUSES. */
	actions: {
		ml: Uint32Array;
		criterion: Uint8Array;
		label: Uint32Array;
		deadline: Int32Array;
		status: Uint8Array;
		updated: Int32Array;
	};
	/** `type`: index in FINDING_TYPES. */
	findings: {
		ml: Uint32Array;
		campaign: Uint16Array;
		criterion: Uint8Array;
		type: Uint8Array;
		text: Uint32Array;
	};
};

/** A day that is not there (SQL NULL) in the plans' day columns. */
export const NO_DAY = -0x80000000;

/** The statuses an ML can have on a date, as `mlsCte` computes them. */
export const STATUSES_AT_DATE = ['labellisee', 'ajournee', 'en-cours', 'non-engagee'] as const;
export type StatusAtDate = (typeof STATUSES_AT_DATE)[number];
