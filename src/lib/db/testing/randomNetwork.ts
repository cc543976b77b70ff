import { ACTION_STATUSES, FINDING_TYPES, KEY_FIGURES, PHASES, STEPS } from '../../model/domain';
import { criteria } from '../../referentiel';
import type { SqlValue } from '../types';
import type { FixtureTables } from './fixture';

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const DEPARTEMENTS = ['29', '971', '972', '999'];
const CAMPAIGNS = [2023, 2024, 2025];

/**
 * A random network on the fixture geography (and one unknown département): MLs with criterion-level
 * and element-level scores (some unassessed), partial référentiels, events and key figures with
 * gaps. Names repeat accents and case so that orderings are put to the test. Improvement actions
 * and audit findings (`plans`), drawn apart so that the other tables stay as they were.
 */
export function randomNetwork(seed: number, size = 24): FixtureTables {
	const r = random(seed);
	const pick = <T>(values: readonly T[]) => values[Math.floor(r() * values.length)];
	const names = ['Étang', 'avranches', 'Brest', 'brest', 'Île', 'Quimper', 'Zèbre', 'élan'];
	const tables = {
		missions_locales: [] as SqlValue[][],
		evaluations: [] as SqlValue[][],
		labellisation: [] as SqlValue[][],
		chiffres_cles: [] as SqlValue[][]
	};
	for (let i = 0; i < size; i++) {
		const id = `M${String(i).padStart(2, '0')}`;
		tables.missions_locales.push([
			id,
			`ML ${pick(names)} ${i % 5}`,
			pick(DEPARTEMENTS),
			r() < 0.2 ? null : pick(names),
			'association',
			Math.floor(r() * 5),
			r() < 0.1 ? null : 5 + r() * 20
		]);
		for (const campagne of CAMPAIGNS)
			for (const phase of PHASES) {
				if (r() < 0.4) continue;
				const coverage = r() < 0.5 ? 1 : 0.7;
				for (const c of criteria) {
					if (r() > coverage) continue;
					const level = () => (r() < 0.05 ? null : 1 + Math.floor(r() * 4));
					if (r() < 0.3) tables.evaluations.push([id, campagne, phase, c.id, null, level(), null]);
					if (r() < 0.8)
						for (const e of c.elements)
							if (r() < 0.9) tables.evaluations.push([id, campagne, phase, c.id, e.id, level(), null]);
				}
			}
		let day = Date.UTC(2023, 0, 1) + Math.floor(r() * 300) * 86_400_000;
		for (const step of STEPS) {
			if (r() < 0.35) break;
			if (step === 'ajournement' && r() < 0.5) continue;
			tables.labellisation.push([
				id,
				step,
				new Date(day).toISOString().slice(0, 10),
				r() < 0.5 ? null : `Étape ${step}`
			]);
			day += Math.floor(r() * 200) * 86_400_000;
		}
		for (let annee = 2021; annee <= 2025; annee++) {
			if (r() < 0.2) continue;
			tables.chiffres_cles.push([
				id,
				annee,
				...KEY_FIGURES.map((k) => (k !== 'jeunes_accompagnes' && r() < 0.1 ? null : Math.floor(r() * 2000)))
			]);
		}
	}
	return { ...tables, ...plans(seed, size) };
}

const LABELS = ['Former l’équipe', 'former l’équipe', 'Écrire la procédure', 'Zéro papier', 'Agir'];
const TEXTS = ['Démarche partagée', 'démarche partagée', '<b>Suivi</b> non outillé', 'Écoute'];
// Deadlines and updates around the data's latest dates (2023–2024 events, 2025 campaigns).
const DAYS = ['2023-06-30', '2024-01-15', '2024-12-31', '2025-06-30', '2025-06-30', '2026-01-01'];

/**
 * Actions and findings of the network's MLs, and of one ML missing from `missions_locales` (the
 * contract lets a batch without it through). Deadlines, labels and types repeat for an ML so that
 * every key of the views' orders is put to the test; an ML may have none.
 */
function plans(seed: number, size: number) {
	const r = random(seed * 7 + 1);
	const pick = <T>(values: readonly T[]) => values[Math.floor(r() * values.length)];
	const actions: SqlValue[][] = [];
	const constats: SqlValue[][] = [];
	const ids = [...Array.from({ length: size }, (_, i) => `M${String(i).padStart(2, '0')}`), 'M99'];
	for (const id of ids) {
		if (r() < 0.2) continue;
		const some = criteria.filter(() => r() < 0.25);
		for (const c of some)
			for (const libelle of LABELS.filter(() => r() < 0.4))
				actions.push([id, c.id, libelle, pick(DAYS), pick(ACTION_STATUSES), r() < 0.3 ? null : pick(DAYS)]);
		for (const campagne of [2023, 2024, 2025].filter(() => r() < 0.5))
			for (const c of some)
				for (const type of FINDING_TYPES)
					for (const texte of TEXTS.filter(() => r() < 0.3)) constats.push([id, campagne, c.id, type, texte]);
	}
	return { actions, constats };
}
