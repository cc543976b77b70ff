import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The import worker's assets are named as the page's (`_app/immutable/assets/[name].[hash]`):
 * both load parquet-wasm, and with SvelteKit's separate `workers/assets/` folder the build
 * shipped its 4.95 MB wasm twice. Same name and same content hash: one file, fetched and cached
 * once (`scripts/build-output.test.ts` checks it).
 */
const workerAssetsBesidePageAssets = (): Plugin => ({
	name: 'worker-assets-beside-page-assets',
	outputOptions: (options) => ({
		...options,
		assetFileNames: '_app/immutable/assets/[name].[hash][extname]'
	})
});

export default defineConfig({
	plugins: [sveltekit()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', '@duckdb/node-api', 'parquet-wasm'] },
	worker: { format: 'es', plugins: () => [workerAssetsBesidePageAssets()] },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		pool: 'forks'
	}
});
