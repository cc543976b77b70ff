import { DateDay, Int32, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { criteria } from '../referentiel/index';

/**
 * Batches of fictional files that take every path of an import: a Windows-1252 CSV, a French CSV
 * with blank, malformed, duplicate and invalid lines, and a typed Parquet file. The import worker
 * validates them (and discards them) while the user picks their files. First a small batch:
 * DuckDB-WASM and parquet-wasm compile their code on first use, which made a user's first import 2 s
 * slower. Then, unless the user's files are already there, larger ones: the browser compiles a
 * WebAssembly function with its optimising compiler only once it has run long enough, and the
 * small batch leaves the hottest loops on the baseline code, 20–30 % slower on a million rows.
 */
export type RehearsalFile = { name: string; bytes: Uint8Array };

/** Missions Locales of the batches, in turn: about 490 evaluation rows each. */
export const REHEARSALS = [12, 100] as const;
const CAMPAIGNS = [2023, 2024];
const PHASES = ['auto-evaluation', 'audit'];

type Evaluation = [
	ml: string,
	campaign: number,
	phase: string,
	criterion: string,
	element: string | null,
	level: number
];

function evaluations(missionsLocales: number): Evaluation[] {
	const rows: Evaluation[] = [];
	const pairs = criteria.flatMap((c) => [
		[c.id, null] as const,
		...c.elements.map((e) => [c.id, e.id] as const)
	]);
	for (let m = 1; m <= missionsLocales; m++)
		for (const campaign of CAMPAIGNS)
			for (const phase of PHASES)
				for (const [i, [criterion, element]] of pairs.entries())
					rows.push([mlId(m), campaign, phase, criterion, element, 1 + ((m + i) % 4)]);
	return rows;
}

const mlId = (m: number) => `ML-REPETITION-${String(m).padStart(2, '0')}`;

/** Latin-1 text as Windows-1252 bytes (they agree there). */
const windows1252 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function missionsLocalesCsv(missionsLocales: number): RehearsalFile {
	const lines = ['ml_id;nom;departement_code;commune;statut;effectif_etp'];
	for (let m = 1; m <= missionsLocales; m++)
		lines.push(`${mlId(m)};Mission Locale de répétition ${m};${m % 2 ? '1' : '75'};Évry;Association;${m},5`);
	return { name: 'missions_locales.csv', bytes: windows1252(lines.join('\r\n') + '\r\n') };
}

function evaluationsCsv(rows: Evaluation[]): RehearsalFile {
	const lines = ['ml_id;campagne;phase;critere_id;element_id;niveau;date'];
	for (const [ml, campaign, phase, criterion, element, level] of rows)
		lines.push(`${ml};${campaign};${phase};${criterion};${element ?? ''};${level};15/03/${campaign}`);
	lines.splice(2, 0, lines[1]); // a duplicate
	lines.splice(5, 0, ''); // a blank line
	lines.push(
		`${mlId(1)};2024;Auto-évaluation; 9.9 ;;5;31/02/2024`,
		`${mlId(2)};2024;audit;1.1;;3;15/03/2024;de trop`
	);
	return { name: 'evaluations.csv', bytes: new TextEncoder().encode(lines.join('\n')) };
}

/** The same evaluations as an Arrow IPC stream with the types a Parquet export has. */
function evaluationsIpc(rows: Evaluation[]): Uint8Array {
	const column = <T>(i: number) => rows.map((r) => r[i] as T);
	const table = new Table({
		ml_id: vectorFromArray(column<string>(0), new Utf8()),
		campagne: vectorFromArray(column<number>(1), new Int32()),
		phase: vectorFromArray(column<string>(2), new Utf8()),
		critere_id: vectorFromArray(column<string>(3), new Utf8()),
		element_id: vectorFromArray(column<string | null>(4), new Utf8()),
		niveau: vectorFromArray(column<number>(5), new Int32()),
		date: vectorFromArray(
			column<number>(1).map((year) => new Date(Date.UTC(year, 2, 15))),
			new DateDay()
		)
	});
	return tableToIPC(table, 'stream');
}

/** A rehearsal batch; `toParquet` encodes an Arrow IPC stream (parquet-wasm, in the worker). */
export async function rehearsalFiles(
	toParquet: (ipc: Uint8Array) => Promise<Uint8Array>,
	missionsLocales: number = REHEARSALS[0]
): Promise<RehearsalFile[]> {
	const rows = evaluations(missionsLocales);
	return [
		missionsLocalesCsv(missionsLocales),
		evaluationsCsv(rows),
		{ name: 'evaluations.parquet', bytes: await toParquet(evaluationsIpc(rows)) }
	];
}
