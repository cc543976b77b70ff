import type { ArmlViewOptions } from '../model/views';
import { STEPS } from '../model/domain';
import type { MlCriterionScore, MlEvent, MlProfile, MlYear } from '../model/rows';
import { medians, ratesOf } from './arml';
import { CRITERIA, fromDay } from './referentiel';
import { C, picked, placed, score } from './scope';
import { STATUSES_AT_DATE, type Cube } from './types';

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/** `mlProfileQuery` on the cube (statuses on the cube's date): no row for an unknown id. */
export function mlProfileRows(cube: Cube, id: string): MlProfile[] {
	const p = placed(cube);
	const i = p.byId.get(id);
	if (i === undefined) return [];
	const { mls } = cube;
	const d = mls.departement[i];
	return [
		{
			ml_id: mls.id[i],
			nom: mls.name[i],
			commune: mls.commune[i],
			departement_code: mls.departementCode[i],
			departement_nom: d < 0 ? null : cube.departements.name[d],
			arml_code: p.armlCode[i],
			arml_nom: p.armlName[i],
			status: STATUSES_AT_DATE[mls.status[i]],
			current_step: mls.step[i] < 0 ? null : STEPS[mls.step[i]],
			current_step_date: mls.stepDay[i] < 0 ? null : fromDay(mls.stepDay[i]),
			statut: mls.statut[i],
			sites: orNull(mls.sites[i]),
			effectif_etp: orNull(mls.etp[i])
		}
	];
}

/** `mlScoresQuery` on the cube: each criterion's score beside the ARML's and the nation's means. */
export function mlScoreRows(cube: Cube, options: ArmlViewOptions & { id: string }): MlCriterionScore[] {
	const p = placed(cube);
	const me = p.byId.get(options.id);
	if (me === undefined) return [];
	const arml = p.armlCode[me];
	const sums = CRITERIA.map(() => ({
		ml: null as number | null,
		campagne: null as number | null,
		a: 0,
		an: 0,
		s: 0,
		sn: 0
	}));
	for (const g of picked(cube, options.campaign, options.phase)) {
		const ml = cube.groups.ml[g];
		const sameArml = arml !== null && p.armlCode[ml] === arml;
		for (let c = 0; c < C; c++) {
			const v = score(cube, g, c);
			if (v === null) continue;
			const acc = sums[c];
			acc.s += v;
			acc.sn++;
			if (sameArml) {
				acc.a += v;
				acc.an++;
			}
			if (ml === me) {
				acc.ml = v;
				acc.campagne = cube.groups.campaign[g];
			}
		}
	}
	return CRITERIA.map((c, i) => {
		const acc = sums[i];
		return {
			criterion_id: c.id,
			short_label: c.shortLabel,
			title: c.title,
			chapter_id: c.chapter,
			position: c.position,
			score: acc.ml,
			campagne: acc.campagne,
			arml_mean: acc.an ? acc.a / acc.an : null,
			arml_n: acc.an,
			national_mean: acc.sn ? acc.s / acc.sn : null,
			national_n: acc.sn
		};
	});
}

/** `mlTimelineQuery` on the cube: an ML's events by date and the journey's order. */
export function mlTimelineRows(cube: Cube, id: string): MlEvent[] {
	const me = placed(cube).byId.get(id);
	if (me === undefined) return [];
	const { ml, step, day, comment } = cube.events;
	const out: MlEvent[] = [];
	for (let i = 0; i < ml.length; i++)
		if (ml[i] === me)
			out.push({
				etape: STEPS[step[i]],
				date: fromDay(day[i]),
				commentaire: comment[i] < 0 ? null : cube.comments[comment[i]]
			});
	return out;
}

/** `mlKeyFiguresQuery` on the cube: an ML's years, its rates and the national medians of each year. */
export function mlKeyFigureRows(cube: Cube, id: string): MlYear[] {
	const me = placed(cube).byId.get(id);
	if (me === undefined) return [];
	const { ml, year, values } = cube.figures;
	const out: MlYear[] = [];
	for (let i = 0; i < ml.length; i++) {
		if (ml[i] !== me) continue;
		const all: number[] = [];
		for (let j = 0; j < year.length; j++) if (year[j] === year[i]) all.push(j);
		out.push({
			annee: year[i],
			...ratesOf(cube, i),
			premiers_accueils: orNull(values.premiers_accueils[i]),
			pacea: orNull(values.pacea[i]),
			...medians(
				all.map((j) => ratesOf(cube, j)),
				'national'
			),
			national_mls: all.length
		} as MlYear);
	}
	return out.sort((a, b) => a.annee - b.annee);
}
