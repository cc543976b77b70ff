import type { DomainRow, KeyFigureTotals, StepCount, TimelinePoint } from '../model/rows';
import { KEY_FIGURES, STEPS } from '../model/domain';
import { fromDay } from './referentiel';
import { compare, placed } from './scope';
import type { Cube } from './types';

/** `domainQuery` on the cube: ARML of the reference data by name, then campaigns. */
export function domainRows(cube: Cube): DomainRow[] {
	const armls: DomainRow[] = cube.arml.code.map((code, i) => ({
		kind: 'arml',
		value: code,
		label: cube.arml.name[i]
	}));
	const campaigns: DomainRow[] = cube.campaigns.map((c) => ({
		kind: 'campaign',
		value: String(c),
		label: String(c)
	}));
	const byLabel = (a: DomainRow, b: DomainRow) => compare(a.label, b.label);
	return [...armls.sort(byLabel), ...campaigns.sort(byLabel)];
}

/** `stepsQuery` on the cube (on the cube's date): MLs per ARML and current step. */
export function stepsRows(cube: Cube, arml: string | null = null): StepCount[] {
	const p = placed(cube);
	const counts = new Map<string, StepCount>();
	for (let ml = 0; ml < cube.mls.id.length; ml++) {
		if (arml && p.armlCode[ml] !== arml) continue;
		const code = p.armlCode[ml] ?? '?';
		const nom = p.armlName[ml] ?? 'Département inconnu';
		const step = cube.mls.step[ml] < 0 ? 'non-engagee' : STEPS[cube.mls.step[ml]];
		const key = `${code}\u0000${nom}\u0000${step}`;
		const row = counts.get(key);
		if (row) row.n++;
		else counts.set(key, { arml_code: code, arml_nom: nom, step, n: 1 });
	}
	return [...counts.values()].sort((a, b) => compare(a.arml_nom, b.arml_nom) || compare(a.step, b.step));
}

function nextMonth(month: string): string {
	const [y, m] = month.split('-').map(Number);
	return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** `timelineQuery` on the cube: engaged and labelled MLs, cumulated month by month. */
export function timelineRows(cube: Cube): TimelinePoint[] {
	const n = cube.mls.id.length;
	const engaged = new Array<string | null>(n).fill(null);
	const labelled = new Array<string | null>(n).fill(null);
	const { ml, step, day } = cube.events;
	const label = STEPS.indexOf('label');
	for (let i = 0; i < ml.length; i++) {
		const date = fromDay(day[i]);
		if (engaged[ml[i]] === null || date < engaged[ml[i]]!) engaged[ml[i]] = date;
		if (step[i] === label && (labelled[ml[i]] === null || date < labelled[ml[i]]!)) labelled[ml[i]] = date;
	}
	const firsts = engaged.filter((d): d is string => d !== null).sort();
	if (!firsts.length) return [];
	const labels = labelled.filter((d): d is string => d !== null).sort();
	const first = firsts[0].slice(0, 7);
	let last = firsts[firsts.length - 1].slice(0, 7);
	if (labels.length && labels[labels.length - 1].slice(0, 7) > last)
		last = labels[labels.length - 1].slice(0, 7);
	const points: TimelinePoint[] = [];
	for (let month = first; month <= last; month = nextMonth(month)) {
		const before = `${nextMonth(month)}-01`;
		points.push({
			month: `${month}-01`,
			engaged: firsts.filter((d) => d < before).length,
			labelled: labels.filter((d) => d < before).length,
			total: n
		});
	}
	return points;
}

/**
 * `keyFiguresQuery` on the cube: totals of a year (latest when null) and the year before, of the
 * network or of one ARML's MLs.
 */
export function keyFiguresRows(
	cube: Cube,
	year: number | null,
	arml: string | null = null
): KeyFigureTotals[] {
	const years = cube.figures.year;
	if (!years.length) return [];
	const target = year ?? Math.max(...years);
	const p = placed(cube);
	const a = arml === null ? -1 : cube.arml.code.indexOf(arml);
	const { ml, values } = cube.figures;
	const out: KeyFigureTotals[] = [];
	for (const y of [target, target - 1]) {
		const sums = new Float64Array(KEY_FIGURES.length);
		const counts = new Int32Array(KEY_FIGURES.length);
		const counted = new Uint8Array(cube.mls.id.length);
		let rows = 0;
		let mls = 0;
		for (let i = 0; i < years.length; i++) {
			if (years[i] !== y || (arml !== null && (a < 0 || p.arml[ml[i]] !== a))) continue;
			rows++;
			if (!counted[ml[i]]) mls += counted[ml[i]] = 1;
			KEY_FIGURES.forEach((k, f) => {
				const v = values[k][i];
				if (Number.isNaN(v)) return;
				sums[f] += v;
				counts[f]++;
			});
		}
		if (!rows) continue;
		out.push({
			annee: y,
			mls,
			...Object.fromEntries(KEY_FIGURES.map((k, f) => [k, counts[f] ? sums[f] : null]))
		} as KeyFigureTotals);
	}
	return out;
}
