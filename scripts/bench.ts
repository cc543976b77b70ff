// `npm run bench`: runs every benchmark in scripts/bench/ one after the other (each prints its
// figures). Benchmarks of the browser need a built site (`npm run build`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const benches = readdirSync('scripts/bench')
	.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
	.filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
	.sort();

let failed = false;
for (const file of benches) {
	console.log(`\n## ${file}`);
	const run = spawnSync('npx', ['tsx', `scripts/bench/${file}`], { stdio: 'inherit' });
	failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
