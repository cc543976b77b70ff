import type { Manifest } from 'vite';
import { describe, expect, it } from 'vitest';
// SvelteKit's own walk of the manifest (not in its package's exports: imported by path).
// @ts-expect-error -- a JavaScript module of @sveltejs/kit without declarations
import { find_deps } from '../node_modules/@sveltejs/kit/src/exports/vite/build/utils.js';
import { separateDynamicWalks } from '../vite.config';

type Deps = { imports: string[]; stylesheets: string[]; fonts: string[] };
const deps = (manifest: Manifest, entry: string): Deps => find_deps(manifest, entry, true);

// The shape of the bug: the page's first chunk imports `db` dynamically, and `db` imports `lockdown`
// statically; the page's second chunk imports `lockdown` statically too.
const manifest: Manifest = {
	'page.js': { file: 'page.js', isEntry: true, imports: ['first.js', 'second.js'], css: ['page.css'] },
	'first.js': { file: 'first.js', dynamicImports: ['db.ts'], css: ['first.css'] },
	'second.js': { file: 'second.js', imports: ['lockdown.js'] },
	'db.ts': { file: 'db.js', isDynamicEntry: true, imports: ['lockdown.js', 'engine.js'] },
	'engine.js': { file: 'engine.js', css: ['engine.css'], assets: ['engine.woff2'] },
	'lockdown.js': { file: 'lockdown.js' }
};

describe('separateDynamicWalks', () => {
	it('reproduces SvelteKit leaving out a static import first reached through a dynamic one', () => {
		expect(deps(manifest, 'page.js').imports).not.toContain('lockdown.js');
	});

	it('lists every chunk the page imports statically, and nothing it only imports dynamically', () => {
		const { imports } = deps(separateDynamicWalks(manifest), 'page.js');
		expect(imports.sort()).toEqual(['first.js', 'lockdown.js', 'page.js', 'second.js']);
	});

	it('keeps the CSS and fonts the dynamic imports bring', () => {
		const before = deps(manifest, 'page.js');
		const after = deps(separateDynamicWalks(manifest), 'page.js');
		expect(after.stylesheets.sort()).toEqual(before.stylesheets.sort());
		expect(after.stylesheets).toContain('engine.css');
		expect(after.fonts).toEqual(['engine.woff2']);
	});

	it('leaves the files, CSS and assets of every chunk as they were', () => {
		const out = separateDynamicWalks(manifest);
		for (const [key, chunk] of Object.entries(manifest)) {
			expect(out[key].file).toBe(chunk.file);
			expect(out[`${key}#dynamic`].file).toBe(chunk.file);
			expect(out[`${key}#dynamic`].css).toEqual(chunk.css);
			expect(out[key].imports).toEqual(chunk.imports);
		}
	});
});
