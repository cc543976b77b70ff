import { criteria } from '../../referentiel';
import type { FixtureTables } from '../testing/fixture';
import { SMALL_NETWORK } from '../testing/network';

const ev = (id: string, year: number, phase: string, criterion: string, level: number) => [
	id,
	year,
	phase,
	criterion,
	null,
	level,
	null
];

/** A full 2025 audit of `id`: `level` on every criterion except the `overrides` (a missing one is left out). */
const audit2025 = (id: string, level: number, overrides: Record<string, number | null> = {}) =>
	criteria
		.filter((c) => overrides[c.id] !== null)
		.map((c) => ev(id, 2025, 'audit', c.id, overrides[c.id] ?? level));

/**
 * SMALL_NETWORK plus what the ARML and ML views need, with every expected value computed by hand
 * in the tests:
 * - E1 « Mission Locale d’Épinal » joins ARML Bretagne (29), C1 « … du Pays de Cornouaille »
 *   (commune Quimper) joins Antilles-Guyane (972);
 * - 2025 audits: A1 all 3 (overall 3); A3 all 3 but 1.1 = 4, 1.2 = 2 (overall 3: tie with A1);
 *   A2 all 3 but 3.3 = 1, 5.4 = 2 (overall 69/24 = 2.875); E1 all 2 but 5.4 missing (no overall);
 *   B1 all 2 (overall 2);
 * - B2 labelled on 2025-01-10 (commission and label that day, written label first);
 * - key figures 2024 for A1, A2, A3, B1 and 2025 for A1 and B2 (B2 with nobody accompanied).
 */
export const REGIONAL_NETWORK: FixtureTables = {
	missions_locales: [
		...SMALL_NETWORK.missions_locales!,
		['E1', 'Mission Locale d’Épinal', '29', 'Épinal', 'association', 2, 12.5],
		['C1', 'Mission Locale du Pays de Cornouaille', '972', 'Quimper', 'gip', 3, 20]
	],
	evaluations: [
		...SMALL_NETWORK.evaluations!,
		...audit2025('A1', 3),
		...audit2025('A2', 3, { '3.3': 1, '5.4': 2 }),
		...audit2025('A3', 3, { '1.1': 4, '1.2': 2 }),
		...audit2025('E1', 2, { '5.4': null }),
		...audit2025('B1', 2)
	],
	labellisation: [
		...SMALL_NETWORK.labellisation!,
		['B2', 'label', '2025-01-10', 'Label accordé'],
		['B2', 'commission', '2025-01-10', null]
	],
	chiffres_cles: [
		// ml_id, annee, jeunes, premiers accueils, pacea, cej, emploi, formation, alternance, retour, service civique
		['A1', 2024, 200, 80, 40, 30, 50, 20, 10, 2, 1],
		['A2', 2024, 100, 40, 20, 10, 30, 5, 8, 1, 1],
		['A3', 2024, 400, 150, 90, null, 80, 60, 20, 3, 2],
		['B1', 2024, 50, 20, 10, 5, 20, 10, 1, 0, 0],
		['A1', 2025, 100, 30, 20, 8, 10, 12, 6, 1, 0],
		['B2', 2025, 0, 0, 0, 0, 0, 0, 0, 0, 0]
	]
};
