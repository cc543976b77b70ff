import type { ArmlViewOptions } from '../model/views';
import { STEPS } from '../model/domain';
import type { MlCriterionScore, MlEvent, MlProfile, MlYear } from '../model/rows';
import { nationalOf, ratesOf } from './arml';
import { CRITERIA, fromDay } from './referentiel';
import { groupOfMl } from './indexes';
import { criterionSums, placed, score as scoreAt } from './scope';
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
	const mine = groupOfMl(cube, options.campaign, options.phase)[me];
	const sums = criterionSums(cube, options.campaign, options.phase, p.arml[me]);
	return CRITERIA.map((cr, c) => {
		const score = mine < 0 ? null : scoreAt(cube, mine, c);
		return {
			criterion_id: cr.id,
			short_label: cr.shortLabel,
			title: cr.title,
			chapter_id: cr.chapter,
			position: cr.position,
			score,
			campagne: score === null ? null : cube.groups.campaign[mine],
			arml_mean: sums.armlN[c] ? sums.arml[c] / sums.armlN[c] : null,
			arml_n: sums.armlN[c],
			national_mean: sums.nationalN[c] ? sums.national[c] / sums.nationalN[c] : null,
			national_n: sums.nationalN[c]
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
		out.push({
			annee: year[i],
			...ratesOf(cube, i),
			premiers_accueils: orNull(values.premiers_accueils[i]),
			pacea: orNull(values.pacea[i]),
			...nationalOf(cube, year[i])
		} as MlYear);
	}
	return out.sort((a, b) => a.annee - b.annee);
}
