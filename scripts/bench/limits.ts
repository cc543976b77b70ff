/**
 * The validator CLI's worst cases within the limits (`src/lib/data/limits.ts`), for the bound the
 * README states: `npm run bench -- limits`. Each file is written into `bench-results/limits/`, then
 * `npm run validate` checks it under `/usr/bin/time` (elapsed time and peak memory). The files are
 * at or just under the limits: 256 MB of rows, lines of 1 000 000 characters, 1 000 columns, every
 * line malformed, a quote opened on line 2 and never closed.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS } from '../../src/lib/data/limits';

const DIR = 'bench-results/limits';
const MB = 1024 * 1024;
const HEADER = 'ml_id,campagne,phase,critere_id,element_id,niveau,date\n';
const ROW = 'ML-01-01,2024,audit,1.1,,3,2024-03-15\n';

/** Writes `bytes` bytes (about) by repeating `line` after `head`, in 8 MB chunks. */
function repeat(path: string, head: string, line: string, bytes: number, tail = '') {
	const fd = openSync(path, 'w');
	writeSync(fd, head);
	const chunk = line.repeat(Math.max(1, Math.floor((8 * MB) / line.length)));
	let written = head.length;
	while (written + chunk.length <= bytes - tail.length) written += writeSync(fd, chunk);
	while (written + line.length <= bytes - tail.length) written += writeSync(fd, line);
	writeSync(fd, tail);
	closeSync(fd);
}

const under = LIMITS.fileBytes - MB;
const longLine = (fill: string) => fill.repeat(Math.floor((LIMITS.lineChars - 10) / fill.length));
const CASES: [string, (path: string) => void][] = [
	['256 Mo de lignes valides (≈ 6,8 millions)', (p) => repeat(p, HEADER, ROW, under)],
	[
		'256 Mo, chaque ligne mal formée (un champ en trop)',
		(p) => repeat(p, HEADER, ROW.replace('\n', ',x\n'), under)
	],
	['256 Mo, guillemet ouvert ligne 2 et jamais fermé', (p) => repeat(p, HEADER + '"', ROW, under)],
	['256 lignes de 1 000 000 caractères (un champ)', (p) => repeat(p, 'ml_id\n', `${longLine('x')}\n`, under)],
	[
		'256 lignes de 1 000 000 caractères, 1 000 champs',
		(p) =>
			repeat(
				p,
				`${Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',')}\n`,
				`${longLine('x'.repeat(999) + ',')}\n`,
				under
			)
	],
	['1 Mo sans saut de ligne', (p) => repeat(p, '', 'a,', LIMITS.lineChars)],
	[
		'1 000 colonnes, 256 Mo',
		(p) =>
			repeat(
				p,
				`ml_id,${Array.from({ length: 999 }, (_, i) => `c${i}`).join(',')}\n`,
				`ML-01-01${',1'.repeat(999)}\n`,
				under
			)
	]
];

mkdirSync(DIR, { recursive: true });
const only = process.argv.slice(2);
console.log('| Fichier | Temps | Mémoire max | Code | Fin |\n| --- | --- | --- | --- | --- |');
for (const [i, [label, write]] of CASES.entries()) {
	if (only.length && !only.includes(String(i + 1))) continue;
	const path = join(DIR, `cas-${i + 1}.csv`);
	if (!existsSync(path)) write(path);
	const run = spawnSync(
		'/usr/bin/time',
		['-f', '%e %M', 'npx', 'tsx', 'scripts/validate.ts', '--max', '3', path],
		{
			encoding: 'utf8',
			maxBuffer: 64 * MB
		}
	);
	const lines = run.stderr.trim().split('\n');
	const [seconds, kb] = lines.pop()!.split(' ').map(Number);
	const end = (lines.pop() ?? run.stdout.trim().split('\n').pop() ?? '').slice(0, 80);
	console.log(
		`| ${label} | ${seconds.toFixed(1)} s | ${Math.round(kb / 1024)} Mo | ${run.status} | ${end} |`
	);
	if (!process.env.KEEP) rmSync(path);
}
