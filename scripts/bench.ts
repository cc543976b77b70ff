// `npm run bench`: the benchmarks of scripts/bench/ one after the other (each prints its figures
// and the browser ones keep them in bench-results/), then `report.ts` writes docs/benchmarks.md.
// They need a built site (`npm run build`).
//   npm run bench                  views, scale, page, import, then the report (≈ 20 min)
//   npm run bench -- views scale   only these (then the report)
//   npm run bench -- --quick       1 cold run and 6 changes per page: a check, not figures
import { spawnSync } from 'node:child_process';

const BENCHES = ['views', 'scale', 'page', 'import'];
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const chosen = only.length === 0 ? BENCHES : BENCHES.filter((b) => only.includes(b));

let failed = false;
for (const name of [...chosen, 'report']) {
	console.log(`\n## ${name}`);
	const run = spawnSync('npx', ['tsx', `scripts/bench/${name}.ts`], {
		stdio: 'inherit',
		env: { ...process.env, ...(quick ? { BENCH_QUICK: '1', BENCH_RUNS: '1' } : {}) }
	});
	failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
