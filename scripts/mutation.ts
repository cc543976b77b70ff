/**
 * `npm run mutation [-- <set>…]`: mutation testing (Stryker, `stryker.config.mjs`) of the rule modules,
 * one set at a time, each with its own incremental file (`reports/stryker-incremental-<set>.json`), so
 * a rerun tests only the mutants whose code or tests changed. A set runs in chunks of files: Stryker
 * writes its incremental file at the end of a run, and a chunk keeps what it measured if a later one
 * is stopped. Prints the score of each file and set, and fails when a set scores under 85 %.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const BREAK_AT = 85;

/** The modules issue 14 names, by set; a chunk is one Stryker run. */
export const SETS: Record<string, string[][]> = {
	// `state/urlHook.ts` reads the filters from a link with `model/filters.ts`: the URL check issue 14 names.
	rules: [
		[
			'src/lib/charts/heatmapModel.ts',
			'src/lib/model/filters.ts',
			'src/lib/state/urlHook.ts',
			'src/lib/csv.ts'
		]
	],
	data: dataChunks()
};

/**
 * `src/lib/data/` in chunks: the small modules, the contract and its rules, the SQL pipeline, then
 * the record scan, staging and any module added since (so that none is left out unmeasured).
 */
function dataChunks(dir = 'src/lib/data'): string[][] {
	const modules = readdirSync(dir)
		.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
		.map((f) => f.slice(0, -3));
	const chunks = [
		[
			'normalize',
			'limits',
			'engineMessages',
			'summary',
			'recognize',
			'dialect',
			'decode',
			'references',
			'rejected',
			'replace',
			'index',
			'report'
		],
		['contract', 'rules', 'checks', 'cast'],
		['commit', 'load', 'validate'],
		['scan', 'stage']
	].map((chunk) => chunk.filter((m) => modules.includes(m)));
	const rest = modules.filter((m) => !chunks.flat().includes(m));
	chunks[chunks.length - 1].push(...rest);
	return chunks.map((chunk) => chunk.map((m) => `${dir}/${m}.ts`));
}

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

function main(args: string[]): number {
	const names = args.length ? args : Object.keys(SETS);
	const unknown = names.filter((n) => !SETS[n]);
	if (unknown.length) {
		console.error(`Unknown set ${unknown.join(', ')}: choose among ${Object.keys(SETS).join(', ')}.`);
		return 2;
	}
	let failed = false;
	for (const name of names) {
		const incremental = `reports/stryker-incremental-${name}.json`;
		for (const chunk of SETS[name]) {
			const run = spawnSync(
				'npx',
				[
					'stryker',
					'run',
					'--mutate',
					chunk.join(','),
					'--incrementalFile',
					incremental,
					'--tempDirName',
					`.stryker-tmp-${name}`
				],
				{ stdio: 'inherit' }
			);
			if (run.status !== 0) return run.status ?? 1;
		}
		if (!existsSync(incremental)) return 1;
		const rows = scores(JSON.parse(readFileSync(incremental, 'utf8')));
		console.log(`\nMutation score, ${name}:\n${table(rows)}`);
		const total = rows[rows.length - 1].score;
		if (total !== null && total < BREAK_AT) {
			console.error(`${name}: ${total.toFixed(2)} % is under ${BREAK_AT} %.`);
			failed = true;
		}
	}
	return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
	process.exit(main(process.argv.slice(2)));
