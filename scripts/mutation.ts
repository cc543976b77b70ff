/**
 * `npm run mutation [-- <set>|<set>:<chunk>…] [--score]`: mutation testing (Stryker,
 * `stryker.config.mjs`) of the rule modules. A set is a list of chunks; a chunk is one Stryker run
 * over a few modules with the fast tests that exercise them (`MUTATION_TESTS`, read by
 * `vitest.stryker.config.ts`), and its own incremental file (`reports/stryker-incremental-<set>-<chunk>.json`):
 * Stryker writes it when the run ends, so a stopped run loses only its chunk, and a rerun tests only
 * the mutants whose code or tests changed. Stryker runs at `nice -n 10`, two workers at most.
 * Prints the score of each file and set, and fails when a set scores under 85 % or a chunk of it was
 * never measured. `--score` prints the scores of the files already measured without running anything;
 * `--workers 1` runs Stryker with one worker (two by default, never more).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const BREAK_AT = 85;

export type Chunk = { name: string; mutate: string[]; tests: string[] };

const DATA = 'src/lib/data';
const data = (...modules: string[]) => modules.map((m) => `${DATA}/${m}.ts`);
const dataTests = (...names: string[]) => names.map((n) => `${DATA}/${n}.test.ts`);

/**
 * `src/lib/data/` by module, each with the tests that exercise it directly: pure modules (the
 * record scan included) with their own unit tests (milliseconds each), SQL modules with theirs on
 * real DuckDB, and the pipeline (staging, loading, checks, commit) with the import tests that drive
 * it, one module a run since each mutant there reruns many of them (the corpus and the fuzz tests
 * are left out). A module added since joins the last chunk, so none is left unmeasured.
 */
function dataChunks(): Chunk[] {
	const chunks: Chunk[] = [
		{ name: 'decode', mutate: data('decode'), tests: dataTests('decode') },
		{ name: 'dialect', mutate: data('dialect'), tests: dataTests('dialect') },
		{
			name: 'small',
			mutate: data('normalize', 'limits', 'engineMessages', 'recognize'),
			tests: dataTests('normalize', 'limits', 'engineMessages', 'recognize')
		},
		{
			name: 'rules',
			mutate: data('rules', 'summary', 'contract'),
			tests: dataTests('rules', 'contractDoc', 'summary')
		},
		{ name: 'cast', mutate: data('cast'), tests: dataTests('cast') },
		{ name: 'rejects', mutate: data('rejects'), tests: dataTests('rejects') },
		// A report and its reference tables, on their own tests: with the validation tests as well, a
		// rerun of these 267 mutants outlasted an hour on the loaded machine.
		{ name: 'report', mutate: data('report', 'references'), tests: dataTests('report', 'summary') },
		{ name: 'replace', mutate: data('replace', 'rejected', 'index'), tests: dataTests('commit', 'report') },
		{ name: 'scan', mutate: data('scan'), tests: dataTests('scan') },
		{ name: 'checks', mutate: data('checks'), tests: dataTests('validate') },
		{ name: 'load', mutate: data('load'), tests: dataTests('validate', 'readers') },
		{
			name: 'stage',
			mutate: data('stage', 'staging'),
			tests: dataTests('stage', 'staging', 'validate', 'readers')
		},
		{ name: 'validate', mutate: data('validate'), tests: dataTests('staging', 'validate', 'commit') },
		{ name: 'commit', mutate: data('commit'), tests: dataTests('commit') }
	];
	const modules = readdirSync(DATA)
		.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
		.map((f) => `${DATA}/${f}`);
	const listed = chunks.flatMap((c) => c.mutate);
	chunks[chunks.length - 1].mutate.push(...modules.filter((m) => !listed.includes(m)));
	for (const c of chunks) {
		c.mutate = c.mutate.filter((m) => modules.includes(m));
		c.tests = c.tests.filter((t) => existsSync(t));
	}
	return chunks.filter((c) => c.mutate.length);
}

/** The modules issue 14 names, by set. */
export const SETS: Record<string, Chunk[]> = {
	// `state/urlHook.ts` and its hooks (`filtersHook.ts`, `yearHook.ts`, `mapHook.ts`) read the filters from a
	// link with `model/filters.ts`: the URL check issue 14 names.
	rules: [
		{
			name: 'all',
			mutate: [
				'src/lib/charts/heatmapModel.ts',
				'src/lib/model/filters.ts',
				'src/lib/state/urlHook.ts',
				'src/lib/state/filtersHook.ts',
				'src/lib/state/yearHook.ts',
				'src/lib/state/mapHook.ts',
				'src/lib/csv.ts'
			],
			tests: [
				'src/lib/charts/heatmapModel.test.ts',
				'src/lib/model/filters.test.ts',
				'src/lib/model/smallGroups.test.ts',
				'src/lib/state/urlHook.test.ts',
				'src/lib/csv.test.ts'
			]
		}
	],
	data: dataChunks()
};

export const incrementalFile = (set: string, chunk: Chunk) =>
	`reports/stryker-incremental-${set}-${chunk.name}.json`;

type Mutant = { status: string };
type Report = { files: Record<string, { mutants: Mutant[] }> };
export type Score = {
	file: string;
	mutants: number;
	killed: number;
	timeout: number;
	survived: number;
	noCoverage: number;
	ignored: number;
	/** Killed and timed out over those tested or left uncovered, in %; null when none was. */
	score: number | null;
};

/** The score of each file of a Stryker report, and their total (file `'total'`), last. */
export function scores(report: Report): Score[] {
	const count = (file: string, mutants: Mutant[]): Score => {
		const n = (status: string) => mutants.filter((m) => m.status === status).length;
		const [killed, timeout, survived, noCoverage] = ['Killed', 'Timeout', 'Survived', 'NoCoverage'].map(n);
		const detected = killed + timeout;
		const valid = detected + survived + noCoverage;
		const score = valid ? (100 * detected) / valid : null;
		return {
			file,
			mutants: mutants.length,
			killed,
			timeout,
			survived,
			noCoverage,
			ignored: n('Ignored'),
			score
		};
	};
	const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
	return [
		...files.map(([file, { mutants }]) => count(file, mutants)),
		count(
			'total',
			files.flatMap(([, { mutants }]) => mutants)
		)
	];
}

/** One report of the chunks' reports: each file as its own chunk measured it. */
export function merge(reports: Report[]): Report {
	return { files: Object.assign({}, ...reports.map((r) => r.files)) };
}

function table(rows: Score[]): string {
	const head = ['file', 'score', 'mutants', 'killed', 'timeout', 'survived', 'no coverage', 'ignored'];
	const lines = rows.map((r) => [
		r.file,
		r.score === null ? '—' : `${r.score.toFixed(2)} %`,
		...[r.mutants, r.killed, r.timeout, r.survived, r.noCoverage, r.ignored].map(String)
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
	return [head, ...lines].map((l) => l.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}

function run(set: string, chunk: Chunk, concurrency: number): number {
	const started = Date.now();
	console.log(`\n${set}:${chunk.name}: ${chunk.mutate.join(', ')} (tests: ${chunk.tests.join(', ')})`);
	const stryker = spawnSync(
		'nice',
		[
			'-n',
			'10',
			'npx',
			'stryker',
			'run',
			'--mutate',
			chunk.mutate.join(','),
			'--incrementalFile',
			incrementalFile(set, chunk),
			'--tempDirName',
			`.stryker-tmp-${set}-${chunk.name}`,
			'--concurrency',
			String(concurrency)
		],
		{ stdio: 'inherit', env: { ...process.env, MUTATION_TESTS: chunk.tests.join(',') } }
	);
	console.log(`${set}:${chunk.name}: ${Math.round((Date.now() - started) / 1000)} s`);
	return stryker.status ?? 1;
}

function main(args: string[]): number {
	const scoreOnly = args.includes('--score');
	// `--workers 1` lets two runs share the two workers, a slow chunk beside the quick ones.
	const w = args.indexOf('--workers');
	const workers = w === -1 ? 2 : Math.min(2, Math.max(1, Number(args[w + 1]) || 1));
	const names = args.filter((a, i) => a !== '--score' && a !== '--workers' && (w === -1 || i !== w + 1));
	const wanted = names.length ? names : Object.keys(SETS);
	const unknown = wanted.filter((n) => {
		const [set, chunk] = n.split(':');
		return !SETS[set] || (chunk !== undefined && !SETS[set].some((c) => c.name === chunk));
	});
	if (unknown.length) {
		const known = Object.entries(SETS).flatMap(([s, cs]) => [s, ...cs.map((c) => `${s}:${c.name}`)]);
		console.error(`Unknown set or chunk ${unknown.join(', ')}: choose among ${known.join(', ')}.`);
		return 2;
	}
	let failed = false;
	for (const set of Object.keys(SETS)) {
		const only = wanted.filter((n) => n.split(':')[0] === set);
		if (!only.length) continue;
		// In the order asked; a chunk that fails (its tests failing unmutated) does not stop the others.
		const chunks = only.includes(set)
			? SETS[set]
			: only.map((n) => SETS[set].find((c) => `${set}:${c.name}` === n)).filter((c) => c !== undefined);
		if (!scoreOnly)
			for (const chunk of chunks)
				if (run(set, chunk, workers) !== 0) {
					console.error(`${set}:${chunk.name}: Stryker failed; its earlier results, if any, are kept.`);
					failed = true;
				}
		const measured = SETS[set].filter((c) => existsSync(incrementalFile(set, c)));
		const missing = SETS[set].filter((c) => !measured.includes(c)).map((c) => c.name);
		const report = merge(measured.map((c) => JSON.parse(readFileSync(incrementalFile(set, c), 'utf8'))));
		const rows = scores(report);
		console.log(`\nMutation score, ${set}:\n${table(rows)}`);
		const total = rows[rows.length - 1].score;
		if (missing.length) {
			console.error(`${set}: not measured in full, chunks never run: ${missing.join(', ')}.`);
			failed = true;
		} else if (total === null || total < BREAK_AT) {
			console.error(
				`${set}: ${total === null ? 'no mutant' : `${total.toFixed(2)} %`} is under ${BREAK_AT} %.`
			);
			failed = true;
		}
	}
	return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
	process.exit(main(process.argv.slice(2)));
