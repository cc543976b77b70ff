/**
 * The scaled network (`npm run data -- --scale 10`): its structures, its element-level evaluations
 * over five campaigns and both phases, the same bytes on every run, and files the contract accepts
 * (checked by the CLI's validator, `npm run validate`). On a slice of scale 2, to stay fast.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ML_ID_PATTERN } from '../../src/lib/data/contract.ts';
import { generateDemo } from '../generate-demo.ts';
import { buildDepartements } from '../reference.ts';
import { buildNetwork } from './network.ts';
import { loadCriteria } from './referentiel.ts';
import { SCALE_CAMPAIGNS, scaleNetwork, scaledEvaluations } from './scale.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const network = buildNetwork(buildDepartements());
const criteria = loadCriteria();
const ELEMENTS = criteria.reduce((n, c) => n + c.elements.length, 0);

describe('scaleNetwork', () => {
	it('makes `scale` structures of each Mission Locale, with unique valid ids, each after its ML', () => {
		const scaled = scaleNetwork(network, 10);
		expect(scaled).toHaveLength(4370);
		const ids = scaled.map((ml) => ml.ml_id);
		expect(new Set(ids).size).toBe(4370);
		expect(ids.every((id) => new RegExp(ML_ID_PATTERN).test(id))).toBe(true);
		expect(ids.slice(0, 3)).toEqual(['ML-01-01', 'ML-01-01-2', 'ML-01-01-3']);
		expect(scaled.filter((ml) => ml.arml_code === 'corse')).toHaveLength(20);
	});

	it('keeps the demo itself at scale 1 and refuses a scale that is not a whole number', () => {
		expect(scaleNetwork(network, 1)).toEqual(network);
		expect(() => scaleNetwork(network, 0)).toThrow();
		expect(() => scaleNetwork(network, 2.5)).toThrow();
	});
});

describe('scaledEvaluations', () => {
	const some = scaleNetwork(network, 2).slice(0, 6);
	const rows = [...scaledEvaluations(some, criteria)];

	it('scores every element of every criterion, each campaign and phase, nothing at criterion level', () => {
		expect(rows).toHaveLength(6 * SCALE_CAMPAIGNS.length * 2 * ELEMENTS);
		expect(rows.every((r) => r.element_id !== null)).toBe(true);
		const keys = new Set(rows.map((r) => `${r.ml_id}|${r.campagne}|${r.phase}|${r.element_id}`));
		expect(keys.size).toBe(rows.length);
		expect(new Set(rows.map((r) => r.campagne))).toEqual(new Set(SCALE_CAMPAIGNS));
		expect(new Set(rows.map((r) => r.phase))).toEqual(new Set(['auto-evaluation', 'audit']));
		for (const r of rows) {
			expect(r.date.slice(0, 4)).toBe(String(r.campagne));
			if (r.niveau !== null) expect([1, 2, 3, 4]).toContain(r.niveau);
		}
	});

	it('draws the same rows on every run, and different ones for each structure', () => {
		expect([...scaledEvaluations(some, criteria)]).toEqual(rows);
		const levels = (id: string) =>
			rows.filter((r) => r.ml_id === id && r.campagne === 2025).map((r) => r.niveau);
		expect(levels('ML-01-01')).not.toEqual(levels('ML-01-01-2'));
	});
});

describe('the scaled files', () => {
	let dirA: string;
	let dirB: string;
	beforeAll(async () => {
		dirA = mkdtempSync(join(tmpdir(), 'scale-a-'));
		dirB = mkdtempSync(join(tmpdir(), 'scale-b-'));
		await generateDemo(dirA, { scale: 2, limit: 24 });
		await generateDemo(dirB, { scale: 2, limit: 24 });
	}, 60_000);
	afterAll(() => {
		for (const dir of [dirA, dirB]) if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('are the same bytes on every run', () => {
		const files = readdirSync(dirA, { recursive: true, encoding: 'utf8' }).filter((f) => /\.\w+$/.test(f));
		expect(files).toContain('evaluations.parquet');
		for (const f of files)
			expect(readFileSync(join(dirA, f)).equals(readFileSync(join(dirB, f))), f).toBe(true);
		const manifest = JSON.parse(readFileSync(join(dirA, 'manifest.json'), 'utf8'));
		expect(manifest.scale).toBe(2);
		expect(manifest.tables.evaluations).toBe(24 * SCALE_CAMPAIGNS.length * 2 * ELEMENTS);
	});

	it('pass the contract’s validator with no error', { timeout: 60_000 }, () => {
		const tables = [
			'missions_locales',
			'evaluations',
			'labellisation',
			'chiffres_cles',
			'actions',
			'constats'
		];
		const run = spawnSync(
			'npx',
			['tsx', 'scripts/validate.ts', ...tables.map((t) => join(dirA, `${t}.parquet`)), '--format', 'json'],
			{ cwd: ROOT, encoding: 'utf8' }
		);
		const issues = JSON.parse(run.stdout) as { severity: string }[];
		expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(run.status).toBe(0);
	});
});
