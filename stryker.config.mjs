// Mutation testing (`npm run mutation`): shows which rules the unit tests could not catch breaking.
// Scoped to the rule-heavy modules; not part of `npm test` (it takes minutes on two cores).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	// Only the tests of the mutated modules (`vitest.stryker.config.ts`, narrowed per chunk by
	// `scripts/mutation.ts`): the whole suite's first run outlasted Stryker's dry-run timeout here.
	vitest: { configFile: 'vitest.stryker.config.ts' },
	dryRunTimeoutMinutes: 20,
	plugins: ['@stryker-mutator/vitest-runner'],
	mutate: [
		'src/lib/data/**/*.ts',
		'!src/lib/data/**/*.test.ts',
		'src/lib/charts/heatmapModel.ts',
		'src/lib/model/filters.ts',
		'src/lib/state/urlHook.ts',
		'src/lib/state/filtersHook.ts',
		'src/lib/state/yearHook.ts',
		'src/lib/state/mapHook.ts',
		'src/lib/csv.ts'
	],
	coverageAnalysis: 'perTest',
	// A static mutant (in a module-level table such as the contract) reruns every test: too slow here.
	ignoreStatic: true,
	concurrency: 2,
	// Reuses the last run's results for mutants whose code and tests did not change (`reports/`).
	incremental: true,
	incrementalFile: 'reports/stryker-incremental.json',
	// A mutant times out after 1.5 times its tests' own time plus 5 s (Stryker's defaults); an infinite
	// loop is cut sooner by the hit limit (100 times the dry run's hits). Both count as detected.
	timeoutMS: 5_000,
	timeoutFactor: 1.5,
	// `.svelte-kit/tsconfig.json` (generated, git-ignored) is what `tsconfig.json` extends: the sandbox needs it.
	ignorePatterns: [
		'!.svelte-kit/tsconfig.json',
		'build',
		'test-results',
		'playwright-report',
		'bench-results',
		'.scratch',
		'reports',
		// Another set's sandbox, when `npm run mutation` runs beside a manual `stryker run`.
		'.stryker-tmp*'
	],
	reporters: ['clear-text', 'progress', 'html'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	// No break here: a chunk of a set is scored with the set's earlier results; `scripts/mutation.ts`
	// fails a set under 85 % once all its chunks have run.
	thresholds: { high: 90, low: 85, break: null },
	tempDirName: '.stryker-tmp'
};
