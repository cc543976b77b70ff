/** The training views of `/criteres` on the cube: who is below the threshold on chosen criteria. */
import type { TrainingOptions } from '../model/views';
import type { TrainingCount, TrainingTarget } from '../model/rows';
import { armlSlots, scoresOf } from './criteria';
import { CRITERIA, CRITERION_INDEX } from './referentiel';
import { mlRank, UNKNOWN } from './indexes';
import { C, compare, placed, stripAccents } from './scope';
import type { Cube } from './types';

/** `trainingCountsQuery` on the cube. */
export function trainingCountRows(cube: Cube, options: TrainingOptions): TrainingCount[] {
	const { slot, code, name } = armlSlots(cube);
	const A = code.length;
	const assessed = new Int32Array(A * C);
	const below = new Int32Array(A * C);
	const mlsBelow = new Int32Array(A);
	const counted = new Uint8Array(cube.mls.id.length);
	for (const id of new Set(options.criteria)) {
		const c = CRITERION_INDEX.get(id);
		if (c === undefined) continue;
		scoresOf(cube, options, c, (ml, v) => {
			const a = slot[ml];
			assessed[a * C + c]++;
			if (v >= options.threshold) return;
			below[a * C + c]++;
			if (!counted[ml]) mlsBelow[a] += counted[ml] = 1;
		});
	}
	const rows: (TrainingCount & { position: number })[] = [];
	for (let a = 0; a < A; a++)
		for (let c = 0; c < C; c++)
			if (assessed[a * C + c])
				rows.push({
					arml_code: code[a],
					arml_nom: name[a],
					criterion_id: CRITERIA[c].id,
					assessed: assessed[a * C + c],
					below: below[a * C + c],
					mls_below: mlsBelow[a],
					position: CRITERIA[c].position
				});
	return rows
		.sort((a, b) => compare(stripAccents(a.arml_nom), stripAccents(b.arml_nom)) || a.position - b.position)
		.map(({ position: _p, ...row }) => row);
}

/** `trainingTargetsQuery` on the cube. */
export function trainingTargetRows(cube: Cube, options: TrainingOptions): TrainingTarget[] {
	const p = placed(cube);
	const rank = mlRank(cube, 'armlName');
	const found: { ml: number; c: number; score: number }[] = [];
	for (const id of new Set(options.criteria)) {
		const c = CRITERION_INDEX.get(id);
		if (c !== undefined)
			scoresOf(cube, options, c, (ml, score) => {
				if (score < options.threshold) found.push({ ml, c, score });
			});
	}
	return found
		.sort((a, b) => rank[a.ml] - rank[b.ml] || a.c - b.c)
		.map(({ ml, c, score }) => ({
			ml_id: cube.mls.id[ml],
			nom: cube.mls.name[ml],
			arml_code: p.armlCode[ml] ?? '?',
			arml_nom: p.armlName[ml] ?? UNKNOWN,
			criterion_id: CRITERIA[c].id,
			score
		}));
}
