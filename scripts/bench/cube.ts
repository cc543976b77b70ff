/**
 * The cube's view functions timed in Node, per function, on the demo's cube and on the scale-10
 * cube (`data/scale-10/`, `npm run data -- --scale 10`; skipped when missing). Each function is
 * called for the filter states a page goes through when Campagne and Phase change alternately
 * (as `views.ts` changes them), on a freshly decoded cube, so memoization keyed by the cube and
 * the filter state hits as often as in a page; the figures are the median and the worst call over
 * CHANGES states, after one warm-up pass (JIT) on another copy of the cube. No browser.
 *   npx tsx scripts/bench/cube.ts [demo|scale-10] [--base REV] [function…]
 * With `--base REV`, the cube layer of that revision is timed beside the working tree's, call by
 * call on the same states (written to `src/lib/.cube-base/` for the run, then removed). The figure
 * is the process's CPU time per call (which other jobs on the machine barely move), with the
 * wall-clock time beside it.
 * The scale-10 cube is built once by DuckDB (node-api) and kept in `data/scale-10/cube.bin`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { buildCube } from '../../src/lib/cube/build';
import { decodeCube, encodeCube } from '../../src/lib/cube/codec';
import { loadDemoTables, loadFoundations } from '../../src/lib/db/dataset';
import { openNodeDatabase } from '../../src/lib/db/node';
import { states, viewsOf } from './cubeViews';

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

/** The cube layer of another revision, written beside `src/lib/cube` (its imports resolve there). */
function checkout(rev: string): string {
	const dir = resolve('src/lib/.cube-base');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir);
	const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
	for (const path of git('ls-tree', '--name-only', rev, 'src/lib/cube/').split('\n').filter(Boolean))
		writeFileSync(resolve(dir, basename(path)), git('show', `${rev}:${path}`));
	return dir;
}

/** CPU time (user + system, this process) and wall-clock time of one call, in ms. */
function timed(run: () => unknown): { cpu: number; wall: number } {
	const t = performance.now();
	const c = process.cpuUsage();
	run();
	const d = process.cpuUsage(c);
	return { cpu: (d.user + d.system) / 1000, wall: performance.now() - t };
}

async function main() {
	const args = process.argv.slice(2);
	const at = args.indexOf('--base');
	const rev = at >= 0 ? args.splice(at, 2)[1] : null;
	const sets = [
		{ name: 'demo', dir: 'data' },
		{ name: 'scale-10', dir: 'data/scale-10' }
	].filter((s) => !args.some((a) => a === 'demo' || a === 'scale-10') || args.includes(s.name));
	const only = args.filter((a) => a !== 'demo' && a !== 'scale-10');
	const base = rev ? checkout(rev) : null;
	try {
		const current = await viewsOf('../../src/lib/cube');
		const before = base ? await viewsOf('../../src/lib/.cube-base') : null;
		const results: Record<string, Record<string, Record<string, number>>> = {};
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
			console.log(
				`\n${set.name}: ${cube.mls.id.length} MLs, ${cube.groups.ml.length} groups; ms per call, CPU p50 (wall p50, CPU max)`
			);
			console.log('function'.padEnd(18), ...(before ? ['before'.padStart(24)] : []), 'now'.padStart(24));
			for (const [k, view] of current.entries()) {
				if (only.length && !only.includes(view.name)) continue;
				const impls = before ? [before[k], view] : [view];
				for (const impl of impls) for (const s of sequence) impl.run(spare, s);
				const times = impls.map(() => [] as { cpu: number; wall: number }[]);
				for (const s of sequence) impls.forEach((impl, i) => times[i].push(timed(() => impl.run(cube, s))));
				const cells = times.map((t) => {
					const cpu = median(t.map((x) => x.cpu));
					const wall = median(t.map((x) => x.wall));
					const max = Math.max(...t.map((x) => x.cpu));
					return { cpu, wall, max, text: `${ms(cpu)} (${ms(wall)}, ${ms(max)})`.padStart(24) };
				});
				results[set.name][view.name] = Object.fromEntries(
					cells.flatMap((c, i) => [
						[`${i === 0 && before ? 'before' : 'now'}_cpu_p50`, c.cpu],
						[`${i === 0 && before ? 'before' : 'now'}_cpu_max`, c.max]
					])
				);
				console.log(view.name.padEnd(18), ...cells.map((c) => c.text));
			}
		}
		if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, '\t'));
	} finally {
		if (base) rmSync(base, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
