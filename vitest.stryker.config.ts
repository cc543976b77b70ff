// The unit tests `npm run mutation` runs against each mutant: those of the mutated modules (and the
// import tests that drive the validator). The fuzz tests are left out: their inputs change with
// every seed, so a mutant's fate would too, and they are slow.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: [
			'src/lib/data/**/*.test.ts',
			'src/lib/csv.test.ts',
			'src/lib/model/filters.test.ts',
			'src/lib/state/urlHook.test.ts',
			'src/lib/model/smallGroups.test.ts',
			'src/lib/charts/heatmapModel.test.ts',
			'src/lib/import/*.test.ts'
		],
		exclude: ['**/*.fuzz.test.ts', 'node_modules/**'],
		environment: 'node',
		env: { MUTATION_RUN: '1' },
		testTimeout: 30_000,
		pool: 'forks'
	}
});
