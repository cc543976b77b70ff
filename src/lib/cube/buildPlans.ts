import { cubeActionsQuery, cubeFindingsQuery } from '../db/queries/cube';
import { plansPresenceQuery, type PlansPresence } from '../db/queries/plans';
import type { Database } from '../db/types';
import { ACTION_STATUSES, FINDING_TYPES } from '../model/domain';
import { CRITERION_INDEX, toDay } from './referentiel';
import { NO_DAY, type CubePlans } from './types';

type ActionRow = {
	ml_id: string;
	criterion_id: string;
	libelle: string;
	echeance: string | null;
	statut: string;
	date_maj: string | null;
};
type FindingRow = { ml_id: string; campagne: number; criterion_id: string; type: string; texte: string };

/** Indexes values in order of first appearance. */
function dictionary() {
	const values: string[] = [];
	const index = new Map<string, number>();
	return {
		values,
		of(value: string): number {
			let i = index.get(value);
			if (i === undefined) index.set(value, (i = values.push(value) - 1));
			return i;
		}
	};
}

const STATUS = new Map<string, number>(ACTION_STATUSES.map((s, i) => [s, i]));
const TYPE = new Map<string, number>(FINDING_TYPES.map((t, i) => [t, i]));
const day = (iso: string | null) => (iso === null ? NO_DAY : toDay(iso));

/** The plans part of the cube, computed from the dataset loaded in `db`. */
export async function buildPlans(db: Database): Promise<CubePlans> {
	const [presence] = await db.query<PlansPresence>(plansPresenceQuery());
	const actions = (await db.query<ActionRow>(cubeActionsQuery())).filter(
		(a) => CRITERION_INDEX.has(a.criterion_id) && STATUS.has(a.statut)
	);
	const findings = (await db.query<FindingRow>(cubeFindingsQuery())).filter(
		(f) => CRITERION_INDEX.has(f.criterion_id) && TYPE.has(f.type)
	);
	const mls = dictionary();
	const texts = dictionary();
	return {
		actionCount: presence.actions,
		findingCount: presence.constats,
		asOf: presence.as_of,
		actions: {
			ml: Uint32Array.from(actions, (a) => mls.of(a.ml_id)),
			criterion: Uint8Array.from(actions, (a) => CRITERION_INDEX.get(a.criterion_id)!),
			label: Uint32Array.from(actions, (a) => texts.of(a.libelle)),
			deadline: Int32Array.from(actions, (a) => day(a.echeance)),
			status: Uint8Array.from(actions, (a) => STATUS.get(a.statut)!),
			updated: Int32Array.from(actions, (a) => day(a.date_maj))
		},
		findings: {
			ml: Uint32Array.from(findings, (f) => mls.of(f.ml_id)),
			campaign: Uint16Array.from(findings, (f) => f.campagne),
			criterion: Uint8Array.from(findings, (f) => CRITERION_INDEX.get(f.criterion_id)!),
			type: Uint8Array.from(findings, (f) => TYPE.get(f.type)!),
			text: Uint32Array.from(findings, (f) => texts.of(f.texte))
		},
		mls: mls.values,
		texts: texts.values
	};
}
