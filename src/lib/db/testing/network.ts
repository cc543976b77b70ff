import { criteria } from '../../referentiel';
import type { FixtureTables } from './fixture';

const ml = (id: string, dep: string) => [id, `Mission Locale ${id}`, dep, null, 'association', 1, 10];
const ev = (
	id: string,
	year: number,
	phase: string,
	criterion: string,
	element: string | null,
	level: number | null
) => [id, year, phase, criterion, element, level, null];

/**
 * A small network whose expected heatmap cells are computed by hand in the tests:
 * ARML Bretagne (A1, A2, A3 in 29) and ARML Antilles-Guyane (B1 in 971, B2 in 972).
 */
export const SMALL_NETWORK: FixtureTables = {
	missions_locales: [ml('A1', '29'), ml('A2', '29'), ml('A3', '29'), ml('B1', '971'), ml('B2', '972')],
	evaluations: [
		// A1: the criterion-level row (3) wins over its elements (1, 1).
		ev('A1', 2024, 'auto-evaluation', '1.1', null, 3),
		ev('A1', 2024, 'auto-evaluation', '1.1', '1.1.a', 1),
		ev('A1', 2024, 'auto-evaluation', '1.1', '1.1.b', 1),
		ev('A1', 2024, 'auto-evaluation', '1.2', null, 4),
		ev('A1', 2024, 'audit', '1.1', null, 2),
		// A2: elements only, mean 2.5 kept unrounded; a later campaign scores 1.1 only.
		ev('A2', 2024, 'auto-evaluation', '1.1', '1.1.a', 2),
		ev('A2', 2024, 'auto-evaluation', '1.1', '1.1.b', 3),
		ev('A2', 2024, 'auto-evaluation', '1.2', null, 2),
		ev('A2', 2025, 'auto-evaluation', '1.1', null, 4),
		// A3: one element assessed, one not.
		ev('A3', 2024, 'auto-evaluation', '1.1', '1.1.a', 4),
		ev('A3', 2024, 'auto-evaluation', '1.1', '1.1.b', null),
		ev('B1', 2024, 'auto-evaluation', '1.1', null, 2),
		ev('B2', 2024, 'auto-evaluation', '1.1', null, 3),
		// B1 in 2023: all 24 criteria, 2 everywhere but 4 on 5.4.
		...criteria.map((c) => ev('B1', 2023, 'auto-evaluation', c.id, null, c.id === '5.4' ? 4 : 2))
	],
	labellisation: [
		['A1', 'audit', '2024-10-01', null],
		['A1', 'label', '2024-12-01', null],
		['A3', 'ajournement', '2025-03-01', null],
		['B1', 'inscription', '2025-09-01', null]
	]
};
