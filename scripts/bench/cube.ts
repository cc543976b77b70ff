/**
 * The cube's view functions timed in Node, per function, on the demo's cube and on the scale-10
 * cube (`data/scale-10/`, `npm run data -- --scale 10`; skipped when missing). Each function is
 * called for the filter states a page goes through when Campagne and Phase change alternately
 * (as `views.ts` changes them), on a freshly decoded cube, so memoization keyed by the cube and
 * the filter state hits as often as in a page; the figures are the median and the worst call over
 * CHANGES states, after one warm-up pass (JIT) on another copy of the cube. No browser.
 *   npx tsx scripts/bench/cube.ts [demo|scale-10] [function…]
 * The scale-10 cube is built once by DuckDB (node-api) and kept in `data/scale-10/cube.bin`.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCube } from '../../src/lib/cube/build';
import { decodeCube, encodeCube } from '../../src/lib/cube/codec';
import { loadDemoTables, loadFoundations } from '../../src/lib/db/dataset';
import { openNodeDatabase } from '../../src/lib/db/node';
import { VIEWS, states } from './cubeViews';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 20);

async function cubeBytes(dir: string): Promise<Uint8Array> {
	const file = resolve(dir, 'cube.bin');
	const source = resolve(dir, 'evaluations.parquet');
	if (dir !== 'data' && existsSync(file) && statSync(file).mtimeMs > statSync(source).mtimeMs)
		return new Uint8Array(readFileSync(file));
	const started = performance.now();
	const db = await openNodeDatabase();
	await loadFoundations(db, async (path) => new Uint8Array(readFileSync(resolve('data', path))));
	await loadDemoTables(db, async (path) => new Uint8Array(readFileSync(resolve(dir, path))));
	const bytes = await encodeCube(await buildCube(db));
	await db.close();
	if (dir !== 'data') writeFileSync(file, bytes);
	console.error(`cube of ${dir} built in ${Math.round(performance.now() - started)} ms`);
	return bytes;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);

async function main() {
	const args = process.argv.slice(2);
	const sets = [
		{ name: 'demo', dir: 'data' },
		{ name: 'scale-10', dir: 'data/scale-10' }
	].filter((s) => !args.some((a) => a === 'demo' || a === 'scale-10') || args.includes(s.name));
	const only = args.filter((a) => a !== 'demo' && a !== 'scale-10');
	const results: Record<string, Record<string, { p50: number; max: number }>> = {};
	for (const set of sets) {
		if (!existsSync(resolve(set.dir, 'evaluations.parquet'))) {
			console.error(`${set.dir}: no data (npm run data -- --scale 10), skipped`);
			continue;
		}
		const bytes = await cubeBytes(set.dir);
		const spare = await decodeCube(bytes);
		const cube = await decodeCube(bytes);
		const sequence = states(CHANGES);
		results[set.name] = {};
		console.log(`\n${set.name}: ${cube.mls.id.length} MLs, ${cube.groups.ml.length} groups`);
		console.log('function'.padEnd(24), 'p50 ms'.padStart(9), 'max ms'.padStart(9));
		for (const view of VIEWS.filter((v) => !only.length || only.includes(v.name))) {
			for (const s of sequence) view.run(spare, s);
			const times = sequence.map((s) => {
				const t = performance.now();
				view.run(cube, s);
				return performance.now() - t;
			});
			const row = { p50: median(times), max: Math.max(...times) };
			results[set.name][view.name] = row;
			console.log(view.name.padEnd(24), ms(row.p50).padStart(9), ms(row.max).padStart(9));
		}
	}
	if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, '\t'));
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
