// The unit tests `npm run mutation` runs against each mutant. `scripts/mutation.ts` names them per
// chunk (`MUTATION_TESTS`, test files separated by commas): a mutant then runs only the fast tests
// of its own module, not every import test that happens to reach it. Without it, the tests of all
// the mutated modules. The fuzz tests are left out: their inputs change with every seed, so a
// mutant's fate would too, and they are slow. `MUTATION_RUN` leaves out the corpus's large files.
import { defineConfig } from 'vitest/config';

const ALL = [
	'src/lib/data/**/*.test.ts',
	'src/lib/csv.test.ts',
	'src/lib/model/filters.test.ts',
	'src/lib/state/urlHook.test.ts',
	'src/lib/model/smallGroups.test.ts',
	'src/lib/charts/heatmapModel.test.ts',
	'src/lib/import/*.test.ts'
];

export default defineConfig({
	test: {
		include: process.env.MUTATION_TESTS?.split(',').filter(Boolean) ?? ALL,
		exclude: ['**/*.fuzz.test.ts', 'node_modules/**'],
		environment: 'node',
		env: { MUTATION_RUN: '1' },
		// Instrumented code runs slower: the dialect's 2 MB line took over 30 s on the loaded machine.
		testTimeout: 120_000,
		pool: 'forks'
	}
});
