/**
 * The weight of the built site (issue 12, point 4), checked on `build/` after `npm run build`:
 * each WebAssembly module is shipped once (parquet-wasm was shipped twice, once for the page and
 * once for the import worker).
 */
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILD = 'build';

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((f) => join(dir, f))
		.filter((f) => statSync(f).isFile());
}

test('each WebAssembly module is in the build once', () => {
	const wasm = filesUnder(BUILD).filter((f) => f.endsWith('.wasm'));
	const stem = (f: string) => f.replace(/^.*\//, '').replace(/[.-][\w-]{8}\.wasm$/, '');
	expect(wasm.map(stem).sort()).toEqual(['duckdb-eh', 'parquet_wasm_bg']);
	const digests = wasm.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'));
	expect(new Set(digests).size).toBe(wasm.length);
});
