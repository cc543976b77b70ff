/**
 * Yearly key figures of each ML. National totals are fixed per year (those of 2022 are the network's
 * published figures) and shared among MLs by largest remainder, so integers add up exactly.
 */
import { KEY_FIGURES, type KeyFigure } from '../../src/lib/data/contract.ts';
import { largestRemainder } from './allocate.ts';
import type { MissionLocale } from './network.ts';
import { random } from './random.ts';

export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** National totals per year; `null`: the programme did not exist (the CEJ starts in March 2022). */
export const NATIONAL_TOTALS: Record<KeyFigure, readonly (number | null)[]> = {
	jeunes_accompagnes: [1_130_000, 1_100_000, 1_080_000, 1_095_000, 1_110_000],
	premiers_accueils: [430_000, 400_000, 395_000, 405_000, 410_000],
	pacea: [310_000, 252_000, 245_000, 250_000, 255_000],
	cej: [null, 200_000, 205_000, 195_000, 180_000],
	emploi: [325_000, 312_000, 305_000, 300_000, 296_000],
	formation: [135_000, 127_000, 124_000, 126_000, 128_000],
	alternance: [50_000, 54_000, 56_000, 55_000, 52_000],
	retour_formation_initiale: [24_000, 23_000, 22_500, 22_000, 22_000],
	service_civique: [18_500, 17_000, 16_500, 16_000, 15_500]
};

export type KeyFigureRow = { ml_id: string; annee: number } & Record<KeyFigure, number | null>;

/**
 * Each ML's share of a figure: its population, times a lasting local profile (some MLs place more
 * young people in jobs, others in training), times a small yearly wobble.
 */
function weights(network: readonly MissionLocale[], figure: KeyFigure, year: number): number[] {
	return network.map((ml) => {
		const profile = random('key-figures-profile', ml.ml_id, figure).factor(
			figure === 'jeunes_accompagnes' ? 0.1 : 0.18
		);
		const wobble = random('key-figures-year', ml.ml_id, figure, year).factor(0.04);
		return ml.population * profile * wobble;
	});
}

/** One row per ML and year, ordered by ML then year. */
export function buildKeyFigures(network: readonly MissionLocale[]): KeyFigureRow[] {
	const byFigure = new Map<KeyFigure, (number | null)[][]>();
	for (const figure of KEY_FIGURES) {
		byFigure.set(
			figure,
			YEARS.map((year, y) => {
				const total = NATIONAL_TOTALS[figure][y];
				return total === null
					? network.map(() => null)
					: largestRemainder(weights(network, figure, year), total);
			})
		);
	}
	const rows: KeyFigureRow[] = [];
	network.forEach((ml, i) => {
		YEARS.forEach((annee, y) => {
			const row = { ml_id: ml.ml_id, annee } as KeyFigureRow;
			for (const figure of KEY_FIGURES) row[figure] = byFigure.get(figure)![y][i];
			if ((row.premiers_accueils ?? 0) > row.jeunes_accompagnes!) {
				throw new Error(`${ml.ml_id} ${annee}: more first welcomes than young people followed`);
			}
			rows.push(row);
		});
	});
	return rows;
}
