// Mutation testing (`npm run mutation`): shows which rules the unit tests could not catch breaking.
// Scoped to the rule-heavy modules; not part of `npm test` (it takes minutes on two cores).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'vite.config.ts' },
	plugins: ['@stryker-mutator/vitest-runner'],
	mutate: [
		'src/lib/data/**/*.ts',
		'!src/lib/data/**/*.test.ts',
		'src/lib/charts/heatmapModel.ts',
		'src/lib/model/filters.ts',
		'src/lib/csv.ts'
	],
	coverageAnalysis: 'perTest',
	// A static mutant (in a module-level table such as the contract) reruns every test: too slow here.
	ignoreStatic: true,
	concurrency: 2,
	timeoutMS: 10_000,
	ignorePatterns: ['build', 'test-results', 'playwright-report', 'bench-results', '.scratch', 'reports'],
	reporters: ['clear-text', 'progress', 'html'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	thresholds: { high: 90, low: 85, break: 85 },
	tempDirName: '.stryker-tmp'
};
