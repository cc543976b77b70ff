import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_FIGURES } from '../../model/domain';
import type { Query } from '../types';
import { armlGapQuery, armlIndexQuery, armlListQuery, armlRankingQuery, armlRatesQuery } from './arml';
import {
	criteriaChangeQuery,
	criteriaRankingQuery,
	criterionArmlQuery,
	criterionMlsQuery,
	elementMeansQuery,
	selfAuditQuery
} from './criteria';
import { cubeMlsQuery } from './cube';
import { heatmapQuery } from './heatmap';
import { keyFiguresQuery } from './keyFigures';
import { mapQuery } from './map';
import { mlKeyFiguresQuery, mlProfileQuery, mlScoresQuery, mlTimelineQuery } from './ml';
import { stepsQuery, timelineQuery } from './progress';
import { normalizeSearch } from '../../model/search';
import { mlSearchQuery } from './search';
import { armlPairedQuery, mlPairedQuery } from './selfAudit';
import { trainingCountsQuery, trainingTargetsQuery } from './training';

// Every query builder, with a text value (`s`) in each of its free-text inputs (ARML, ids,
// criteria, chapters, dates) and a number (`n`) in its numeric ones. Enumerated options are fixed:
// they choose the SQL's shape on purpose.
const scope = (s: string, n: number) =>
	({ campaign: n, arml: s, status: 'labellisee', phase: 'audit', threshold: n, today: s }) as const;
const view = (s: string, n: number) => ({ campaign: n, phase: 'audit', today: s }) as const;

const BUILDERS: Record<string, (s: string, n: number) => Query> = {
	armlListQuery: (s) => armlListQuery(s),
	armlIndexQuery: (s, n) => armlIndexQuery({ ...view(s, n), arml: s }),
	armlRankingQuery: (s, n) => armlRankingQuery({ ...view(s, n), arml: s, threshold: n }),
	armlGapQuery: (s, n) => armlGapQuery({ ...view(s, n), arml: s }),
	armlRatesQuery: (s, n) => armlRatesQuery({ arml: s, year: n }),
	criteriaRankingQuery: (s, n) => criteriaRankingQuery(scope(s, n)),
	criteriaChangeQuery: (s, n) => criteriaChangeQuery({ ...scope(s, n), from: n, to: n }),
	selfAuditQuery: (s, n) => selfAuditQuery(scope(s, n)),
	criterionArmlQuery: (s, n) => criterionArmlQuery({ ...scope(s, n), criterion: s }),
	criterionMlsQuery: (s, n) => criterionMlsQuery({ ...scope(s, n), criterion: s }),
	elementMeansQuery: (s, n) => elementMeansQuery({ ...scope(s, n), criterion: s }),
	cubeMlsQuery: (s) => cubeMlsQuery(s),
	heatmapQuery: (s, n) =>
		heatmapQuery({ ...scope(s, n), chapter: s, criterion: s, rows: 'ml', columns: 'element' }),
	keyFiguresQuery: (_s, n) => keyFiguresQuery(n),
	mapQuery: (s, n) =>
		mapQuery({
			level: 'departement',
			measure: 'below',
			today: s,
			phase: 'audit',
			criterion: s,
			threshold: n,
			keyFigure: KEY_FIGURES[0],
			campaign: n,
			arml: s,
			status: 'labellisee'
		}),
	mlProfileQuery: (s) => mlProfileQuery(s, s),
	mlScoresQuery: (s, n) => mlScoresQuery({ ...view(s, n), id: s }),
	mlTimelineQuery: (s) => mlTimelineQuery(s),
	mlKeyFiguresQuery: (s) => mlKeyFiguresQuery(s),
	stepsQuery: (s) => stepsQuery(s, s),
	timelineQuery: (s) => timelineQuery(s),
	armlPairedQuery: (s, n) => armlPairedQuery({ campaign: n, today: s, arml: s }),
	mlPairedQuery: (s, n) => mlPairedQuery({ campaign: n, today: s, id: s }),
	trainingCountsQuery: (s, n) => trainingCountsQuery({ ...scope(s, n), criteria: [s, s] }),
	trainingTargetsQuery: (s, n) => trainingTargetsQuery({ ...scope(s, n), criteria: [s, s] })
};

const hostileText = fc.oneof(
	fc.constantFrom(
		"'; DROP TABLE evaluations; --",
		"' OR '1'='1",
		'"); DELETE FROM missions_locales; --',
		'\\',
		'%_%',
		'$$; ATTACH $$x$$',
		'/* */ --',
		'<script>alert(1)</script>',
		'Saint-Étienne — « l’Îlot » 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏳️‍🌈',
		'\u202e\u0000\u2028'
	),
	fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
	fc.string({ minLength: 5_000, maxLength: 10_000 })
);
const anyNumber = fc.oneof(fc.integer(), fc.double({ noNaN: false }));

describe('query builders', () => {
	it.each(Object.entries(BUILDERS))(
		'%s writes the same SQL for harmless and hostile values',
		(_name, build) => {
			const harmless = build('bretagne', 2024);
			fc.assert(
				fc.property(hostileText, anyNumber, (text, number) => {
					const hostile = build(text, number);
					expect(hostile.sql).toBe(harmless.sql);
					expect(hostile.params).toHaveLength(harmless.params.length);
					if (harmless.params.includes('bretagne')) expect(hostile.params).toContain(text);
				}),
				{ numRuns: 40 }
			);
		}
	);

	it('mlSearchQuery writes the same SQL for any term with the same number of words', () => {
		fc.assert(
			fc.property(hostileText, (text) => {
				const words = normalizeSearch(text).split(' ').filter(Boolean).slice(0, 6);
				const harmless = mlSearchQuery(words.map(() => 'brest').join(' '));
				expect(mlSearchQuery(text).sql).toBe(harmless.sql);
			}),
			{ numRuns: 200 }
		);
	});
});
