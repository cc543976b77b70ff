import { PHASES, type Phase } from './domain';

/** Where an ML stands in the labellisation today, derived from its latest event. */
export const STATUSES = ['labellisee', 'non-labellisee', 'ajournee', 'en-cours', 'non-engagee'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
	labellisee: 'Labellisée',
	'non-labellisee': 'Pas encore labellisée',
	ajournee: 'Ajournée',
	'en-cours': 'En cours de démarche',
	'non-engagee': 'Non engagée'
};

export type PhaseChoice = Phase | 'both';
export const PHASE_LABELS: Record<PhaseChoice, string> = {
	'auto-evaluation': 'Auto-évaluation',
	audit: 'Audit',
	both: 'Auto-évaluation et audit'
};

export type RowLevel = 'arml' | 'region' | 'ml';
export type ColumnLevel = 'criterion' | 'section' | 'chapter';
export type Metric = 'mean' | 'share' | 'n';

/** Filters shared by every view; they live in the URL. */
export type Filters = {
	/** An assessment year, or each ML's latest campaign. */
	campaign: number | 'latest';
	phase: PhaseChoice;
	arml: string | null;
	chapter: string | null;
	/** When set, columns are this criterion's elements. */
	criterion: string | null;
	status: Status | null;
	rows: RowLevel;
	columns: ColumnLevel;
	metric: Metric;
};

/** The shared filters an ARML or ML view uses; the others (ARML, status, rows…) are fixed by the page. */
export type ViewFilters = Pick<Filters, 'campaign' | 'phase' | 'columns'>;

export const DEFAULT_FILTERS: Filters = {
	campaign: 'latest',
	phase: 'auto-evaluation',
	arml: null,
	chapter: null,
	criterion: null,
	status: null,
	rows: 'arml',
	columns: 'criterion',
	metric: 'mean'
};

/** URL parameter names (French, as users see them in a shared link). */
export const FILTER_PARAMS = {
	campaign: 'campagne',
	phase: 'phase',
	arml: 'arml',
	chapter: 'chapitre',
	criterion: 'critere',
	status: 'statut',
	rows: 'lignes',
	columns: 'colonnes',
	metric: 'mesure'
} as const satisfies Record<keyof Filters, string>;
const PARAM = FILTER_PARAMS;

/** Longest part of a URL value quoted back in a notice: a crafted link cannot flood the page. */
const SHOWN_LENGTH = 40;

/** A value from a URL as a notice quotes it: cut to a few words, with control characters shown as « ? ». */
export function shownValue(value: string): string {
	// eslint-disable-next-line no-control-regex
	const clean = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
	const chars = [...clean];
	return chars.length > SHOWN_LENGTH ? `${chars.slice(0, SHOWN_LENGTH).join('')}…` : clean;
}

const ROWS: RowLevel[] = ['arml', 'region', 'ml'];
const COLUMNS: ColumnLevel[] = ['criterion', 'section', 'chapter'];
const METRICS: Metric[] = ['mean', 'share', 'n'];
const URL_VALUES = {
	rows: { arml: 'arml', region: 'regions', ml: 'ml' },
	columns: { criterion: 'criteres', section: 'sections', chapter: 'chapitres' },
	metric: { mean: 'moyenne', share: 'part-atteint', n: 'effectif' }
} as const;

/** What the app knows exists, to reject unknown values. */
export type Domain = { campaigns: number[]; armls: string[]; chapters: string[]; criteria: string[] };

export type ParsedFilters = { filters: Filters; notices: string[] };

function fromUrlValue<K extends 'rows' | 'columns' | 'metric'>(
	key: K,
	value: string
): Filters[K] | undefined {
	const table = URL_VALUES[key] as Record<string, string>;
	return Object.keys(table).find((k) => table[k] === value) as Filters[K] | undefined;
}

/** Reads filters from URL parameters; unknown values fall back to defaults with a French notice. */
export function parseFilters(params: URLSearchParams, domain: Domain): ParsedFilters {
	const filters = { ...DEFAULT_FILTERS };
	const notices: string[] = [];
	const reject = (key: keyof Filters, value: string) =>
		notices.push(
			`Le filtre « ${PARAM[key]} » ne connaît pas la valeur « ${shownValue(value)} » : valeur par défaut utilisée.`
		);

	const campaign = params.get(PARAM.campaign);
	if (campaign !== null && campaign !== 'derniere') {
		const year = /^\d{4}$/.test(campaign) ? Number(campaign) : NaN;
		if (domain.campaigns.includes(year)) filters.campaign = year;
		else reject('campaign', campaign);
	}
	const phase = params.get(PARAM.phase);
	if (phase !== null) {
		if ((PHASES as readonly string[]).includes(phase) || phase === 'both')
			filters.phase = phase as PhaseChoice;
		else reject('phase', phase);
	}
	const arml = params.get(PARAM.arml);
	if (arml !== null) {
		if (domain.armls.includes(arml)) filters.arml = arml;
		else reject('arml', arml);
	}
	const chapter = params.get(PARAM.chapter);
	if (chapter !== null) {
		if (domain.chapters.includes(chapter)) filters.chapter = chapter;
		else reject('chapter', chapter);
	}
	const criterion = params.get(PARAM.criterion);
	if (criterion !== null) {
		if (domain.criteria.includes(criterion)) filters.criterion = criterion;
		else reject('criterion', criterion);
	}
	const status = params.get(PARAM.status);
	if (status !== null) {
		if ((STATUSES as readonly string[]).includes(status)) filters.status = status as Status;
		else reject('status', status);
	}
	for (const key of ['rows', 'columns', 'metric'] as const) {
		const value = params.get(PARAM[key]);
		if (value === null) continue;
		const parsed = fromUrlValue(key, value);
		if (parsed !== undefined) (filters[key] as string) = parsed;
		else reject(key, value);
	}
	return { filters, notices };
}

/** Writes the filters that differ from the defaults as URL parameters, in a stable order. */
export function filtersToParams(filters: Filters): URLSearchParams {
	const params = new URLSearchParams();
	const d = DEFAULT_FILTERS;
	if (filters.campaign !== d.campaign) params.set(PARAM.campaign, String(filters.campaign));
	if (filters.phase !== d.phase) params.set(PARAM.phase, filters.phase);
	if (filters.arml) params.set(PARAM.arml, filters.arml);
	if (filters.chapter) params.set(PARAM.chapter, filters.chapter);
	if (filters.criterion) params.set(PARAM.criterion, filters.criterion);
	if (filters.status) params.set(PARAM.status, filters.status);
	if (filters.rows !== d.rows) params.set(PARAM.rows, URL_VALUES.rows[filters.rows]);
	if (filters.columns !== d.columns) params.set(PARAM.columns, URL_VALUES.columns[filters.columns]);
	if (filters.metric !== d.metric) params.set(PARAM.metric, URL_VALUES.metric[filters.metric]);
	return params;
}

/** A stable key for a set of filters (used in `data-ready`). */
export function filtersKey(filters: Filters): string {
	return filtersToParams(filters).toString() || 'defaut';
}

export { ROWS, COLUMNS, METRICS };
