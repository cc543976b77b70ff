import { existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_FILES, ensureDemo } from './ensure-demo.ts';

let dir: string;
const data = () => join(dir, 'data');
const web = () => join(dir, 'static');

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'ensure-demo-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ensureDemo', () => {
	it('generates missing data and copies the browser files', async () => {
		const result = await ensureDemo(data(), web());
		expect(result.regenerated).toBe(true);
		expect(result.copied).toEqual(BROWSER_FILES);
		for (const f of BROWSER_FILES) expect(existsSync(join(web(), f)), f).toBe(true);
	}, 60_000);

	it('does nothing when the data is up to date', async () => {
		const started = performance.now();
		const result = await ensureDemo(data(), web());
		expect(result).toEqual({ regenerated: false, reason: undefined, copied: [] });
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('regenerates when the stamp differs, and copies back a deleted browser file', async () => {
		writeFileSync(join(data(), '.stamp'), 'old\n');
		unlinkSync(join(web(), 'evaluations.parquet'));
		const result = await ensureDemo(data(), web());
		expect(result.regenerated).toBe(true);
		expect(result.reason).toMatch(/modifié/);
		expect(result.copied).toEqual(['evaluations.parquet']);
	}, 60_000);
});
