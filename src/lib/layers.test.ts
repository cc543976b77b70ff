import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The floors of the house (docs/architecture.md): an import only ever points down. This test reads
 * every module of the floors below and fails when one imports a floor it must not, so that a type
 * moved back into `db/queries`, or a chart reaching for the engine, is caught at once. Tests,
 * fixtures and the cube's computation from the database (`cube/build.ts`, `cube/buildPlans.ts`) are the
 * stated exceptions.
 */

const LIB = resolve(__dirname);

/** What each floor may import, besides itself (folders of `src/lib`, or single modules). */
const ALLOWED: Record<string, readonly string[]> = {
	// The ground floor imports nothing of the app.
	model: [],
	// Formats and French labels: words and numbers, on the model.
	format: ['model'],
	'labels.ts': ['model'],
	// The engines and the query builders; the data contract's table schemas are their tables.
	db: ['model', 'referentiel', 'data/contract.ts'],
	// View data: pure functions of the cube, on the model only (its computation, `build.ts`, uses db).
	cube: ['model', 'referentiel'],
	// Charts: (rows, options) => SVG. No engine, no cube, no UI state.
	charts: ['model', 'format', 'labels.ts', 'referentiel'],
	// State: anything below it, nothing above (components, routes).
	state: [
		'model',
		'format',
		'labels.ts',
		'timeout.ts',
		'referentiel',
		'db',
		'cube',
		'import',
		'data',
		'charts'
	]
};

/** Modules allowed more than their floor, and why. */
const EXCEPTIONS: Record<string, readonly string[]> = {
	// The cube is computed by DuckDB from the query builders of `db/queries/cube.ts`.
	'cube/build.ts': ['db'],
	'cube/buildPlans.ts': ['db']
};

function modules(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'testing' ? [] : modules(path);
		return /\.(ts|svelte)$/.test(entry.name) && !/\.(test|fixture)\.ts$/.test(entry.name) ? [path] : [];
	});
}

/** The floor of a path of `src/lib`: its folder, or the module itself at the top. */
function floorOf(path: string): string {
	const rel = relative(LIB, path).split('\\').join('/');
	return rel.includes('/') ? rel.split('/')[0] : rel;
}

/** The `src/lib` paths a module imports (relative and `$lib` imports; packages are left out). */
export function importsOf(file: string, text: string): string[] {
	const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
	return specifiers.flatMap((spec) => {
		if (spec.startsWith('$lib/')) return [join(LIB, spec.slice(5))];
		if (spec.startsWith('.')) return [resolve(dirname(file), spec)];
		return [];
	});
}

function allowed(file: string, target: string): boolean {
	const from = floorOf(file);
	const to = relative(LIB, target).split('\\').join('/');
	if (to.startsWith('..')) return from !== 'model' && !to.includes('routes');
	const toFloor = floorOf(target);
	if (toFloor === from) return true;
	const rel = relative(LIB, file).split('\\').join('/');
	const rules = [...(ALLOWED[from] ?? []), ...(EXCEPTIONS[rel] ?? [])];
	return rules.some((rule) => rule === toFloor || to === rule || to === rule.replace(/\.ts$/, ''));
}

function violations(floor: string): string[] {
	const root = join(LIB, floor);
	const files = floor.endsWith('.ts') ? [root] : modules(root);
	return files.flatMap((file) =>
		importsOf(file, readFileSync(file, 'utf8'))
			.filter((target) => !allowed(file, target))
			.map((target) => `${relative(LIB, file)} → ${relative(LIB, target)}`)
	);
}

describe('the floors of src/lib', () => {
	for (const floor of Object.keys(ALLOWED))
		it(`${floor} imports only the floors below it`, () => {
			expect(violations(floor)).toEqual([]);
		});

	it('catches an import that points up', () => {
		const chart = join(LIB, 'charts', 'heatmap.ts');
		expect(allowed(chart, join(LIB, 'db', 'queries', 'heatmap'))).toBe(false);
		expect(allowed(chart, join(LIB, 'model', 'rows'))).toBe(true);
		expect(allowed(join(LIB, 'db', 'queries', 'common.ts'), join(LIB, 'state', 'urlHook'))).toBe(false);
		expect(allowed(join(LIB, 'cube', 'heatmap.ts'), join(LIB, 'db', 'queries', 'heatmap'))).toBe(false);
		expect(allowed(join(LIB, 'cube', 'build.ts'), join(LIB, 'db', 'queries', 'cube'))).toBe(true);
		expect(allowed(join(LIB, 'model', 'filters.ts'), join(LIB, 'referentiel'))).toBe(false);
		expect(importsOf(chart, "import type { X } from '$lib/db/types';\nimport('../cube/codec')")).toEqual([
			join(LIB, 'db', 'types'),
			join(LIB, 'cube', 'codec')
		]);
	});
});
