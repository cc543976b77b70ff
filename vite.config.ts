import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Manifest, Plugin } from 'vite';
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

/**
 * Every chunk a page imports statically gets its `<link rel="modulepreload">` (issue 12, a cold
 * shared link). SvelteKit lists a page's chunks by walking the client build's manifest, the chunks
 * a dynamic `import()` reaches included (for their CSS and fonts), with one set of chunks seen: a
 * chunk first reached through a dynamic import (DuckDB-WASM's glue, the cube's build queries) was
 * not listed when a static import reached it later, so the browser found it only once its importer
 * had been fetched and parsed, two round trips before the app could start. In the manifest
 * SvelteKit reads, a dynamic import points instead to a copy of its graph (`#dynamic` keys, the
 * same files, CSS and assets): its walk finds what it found, and never marks a chunk of the static
 * walk as seen (`scripts/modulepreload.test.ts`).
 */
export function separateDynamicWalks(manifest: Manifest): Manifest {
	const shadow = (key: string) => (manifest[key] ? `${key}#dynamic` : key);
	const out: Manifest = {};
	for (const [key, chunk] of Object.entries(manifest)) {
		const dynamicImports = chunk.dynamicImports?.map(shadow);
		out[key] = dynamicImports ? { ...chunk, dynamicImports } : chunk;
		out[`${key}#dynamic`] = {
			...chunk,
			isEntry: false,
			...(chunk.imports && { imports: chunk.imports.map(shadow) }),
			...(dynamicImports && { dynamicImports })
		};
	}
	return out;
}

const modulepreloadEveryStaticImport = (): Plugin => ({
	name: 'modulepreload-every-static-import',
	apply: 'build',
	writeBundle(options) {
		if (this.environment.config.build.ssr || !options.dir) return;
		const file = `${options.dir}/.vite/manifest.json`;
		const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
		writeFileSync(file, JSON.stringify(separateDynamicWalks(manifest), null, 2));
	}
});

export default defineConfig({
	plugins: [sveltekit(), modulepreloadEveryStaticImport()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', '@duckdb/node-api', 'parquet-wasm'] },
	worker: { format: 'es', plugins: () => [workerAssetsBesidePageAssets()] },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000,
		pool: 'forks'
	}
});
