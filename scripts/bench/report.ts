/**
 * Writes the figures of bench-results/views.json and scale.json into docs/benchmarks.md, between
 * its `bench:begin` and `bench:end` markers, against the targets of issue 12, with the machine, the
 * date and the load average. Run last by `npm run bench`; alone: `npx tsx scripts/bench/report.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';

const DOC = 'docs/benchmarks.md';
const BEGIN = '<!-- bench:begin (written by scripts/bench/report.ts) -->';
const END = '<!-- bench:end -->';

type PageFigures = Record<string, { p50: number; p95: number } | { error: string }>;
const read = (name: string) =>
	existsSync(`bench-results/${name}.json`)
		? JSON.parse(readFileSync(`bench-results/${name}.json`, 'utf8'))
		: null;

const nf = (n: number, digits = 0) =>
	n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number | null | undefined) => (n == null || Number.isNaN(n) ? 'n/a' : `${nf(n)} ms`);
const kb = (n: number) => `${nf(n / 1024)} KB`;
const mb = (n: number) => `${nf(n / 1024 / 1024, 1)} MB`;
const ratio = (n: number | null | undefined, floor: number) => (n == null ? 'n/a' : `${nf(n / floor, 2)} ×`);
const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'met' : '**missed**');

function worst(pages: PageFigures): { name: string; p95: number } | null {
	const ok = Object.entries(pages).flatMap(([name, p]) => ('p95' in p ? [{ name, p95: p.p95 }] : []));
	return ok.length ? ok.reduce((a, b) => (b.p95 > a.p95 ? b : a)) : null;
}

function pageTable(title: string, pages: PageFigures, floor: number): string[] {
	const rows = Object.entries(pages).map(([name, p]) =>
		'p95' in p
			? `| ${title} | ${name} | ${ms(p.p50)} | ${ms(p.p95)} | ${ratio(p.p95, floor)} |`
			: `| ${title} | ${name} | failed: ${p.error.replaceAll('|', '/')} | | |`
	);
	return rows;
}

function render(): string {
	const v = read('views');
	const s = read('scale');
	const out: string[] = [];
	if (!v) return 'No figures yet: run `npm run build && npm run bench`.';
	const floor: number = v.floor;
	const [l1, l5, l15] = loadavg();
	out.push(
		`Run of ${v.date.slice(0, 16).replace('T', ' ')} UTC: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), Linux ${release()}, Node ${process.version}, Chromium ${v.chromium} headless; load average when the report was written ${nf(l1, 2)} / ${nf(l5, 2)} / ${nf(l15, 2)} (1 / 5 / 15 min), at the start of the views run ${v.load ? v.load.map((x: number) => nf(x, 2)).join(' / ') : 'n/a'}. ${v.runs} cold run${v.runs > 1 ? 's' : ''} per figure, ${v.changes} filter changes per page and run.`,
		'',
		`**Floor** (bare DuckDB-WASM page, the project's eh bundle, \`SELECT 42\` answered, from navigation start): **${ms(floor)}** (runs: ${v.floors.map((f: number) => nf(f)).join(', ')} ms).`,
		''
	);
	const demoWorst = worst(v.demo);
	const importedWorst = worst(v.imported.pages);
	const js = v.bytes.homeJs.gzip;
	const rows: [string, string, string, string, string][] = [
		[
			'Cold shared link `/arml/occitanie?campagne=2025&phase=audit&colonnes=chapitres`: chart right (key and figures)',
			'≤ 0.35 × floor',
			ms(v.coldLink.correct),
			ratio(v.coldLink.correct, floor),
			verdict(v.coldLink.correct == null ? false : v.coldLink.correct <= 0.35 * floor)
		],
		[
			'Filter change right after first paint (home, Campagne → 2024): change → drawn',
			'≤ 1 s',
			`${ms(v.earlyChange.change)} (${ms(v.earlyChange.fromPaint)} from first paint)`,
			ratio(v.earlyChange.change, floor),
			verdict(v.earlyChange.change == null ? false : v.earlyChange.change <= 1000)
		],
		[
			'Filter change p95, demo (worst page)',
			'≤ 100 ms (aim 50)',
			demoWorst ? `${ms(demoWorst.p95)} (${demoWorst.name})` : 'n/a',
			ratio(demoWorst?.p95, floor),
			verdict(demoWorst ? demoWorst.p95 <= 100 : null)
		],
		[
			'Filter change p95, imported after a reload (worst page)',
			'≤ 100 ms (aim 50)',
			importedWorst ? `${ms(importedWorst.p95)} (${importedWorst.name})` : 'n/a',
			ratio(importedWorst?.p95, floor),
			verdict(importedWorst ? importedWorst.p95 <= 100 : null)
		]
	];
	if (s)
		rows.push(
			[
				'Scale 10: import in the browser (pick → kept)',
				'≤ 15 s',
				ms(s.import.total),
				ratio(s.import.total, s.floor),
				verdict(s.import.total <= 15_000)
			],
			[
				'Scale 10: view change p95 (all pages)',
				'≤ 200 ms',
				ms(s.viewChangeP95),
				ratio(s.viewChangeP95, s.floor),
				verdict(s.viewChangeP95 <= 200)
			],
			[
				'Scale 10: peak memory (renderer processes: JS heaps + DuckDB-WASM) / page JS heap',
				'—',
				`${mb(s.memory.rss)} / ${mb(s.memory.heap)}`,
				'',
				''
			]
		);
	rows.push([
		'Home JS, gzip, wasm apart (until network idle, engine included)',
		'≤ 300 KB',
		`${kb(js)} (page ${kb(v.bytes.homeJsBeforeEngine.gzip)} + engine ${kb(v.bytes.engineJs.gzip)})`,
		'',
		verdict(js <= 300 * 1024)
	]);
	out.push('| Figure | Target | Measured (median) | × floor | |', '|---|---|---|---|---|');
	for (const r of rows) out.push(`| ${r.join(' | ')} |`);
	out.push(
		'',
		'**Filter changes by page** (change → end of the frame that paints the new `data-ready` key, its style, layout and paint included; medians over the runs of each run’s p50 and p95):',
		''
	);
	out.push('| Data | Page | p50 | p95 | p95 × floor |', '|---|---|---|---|---|');
	out.push(...pageTable('demo', v.demo, floor), ...pageTable('imported', v.imported.pages, floor));
	if (s) out.push(...pageTable(`scale 10 (${nf(s.rows.evaluations)} evaluations)`, s.pages, s.floor));
	out.push(
		'',
		`Import of the demo's own six files through « Données » (before the reloads): ${ms(v.imported.import.total)}.`
	);
	if (s)
		out.push(
			`Scale 10 import: pick → report ${ms(s.import.validate)}, pick → kept in this browser ${ms(s.import.total)}; floor of that run ${ms(s.floor)}.`
		);
	out.push(
		'',
		'**Bytes of a cold home-page load** (until the network is idle; a reading page never starts the engine; gzip as a compressing server sends them):',
		''
	);
	out.push('| Kind | Files | Raw | gzip |', '|---|---|---|---|');
	for (const [kind, t] of Object.entries(v.bytes.kinds) as [
		string,
		{ files: number; raw: number; gzip: number }
	][])
		out.push(`| ${kind} | ${t.files} | ${kb(t.raw)} | ${kb(t.gzip)} |`);
	out.push(
		'',
		'Largest JavaScript files (gzip): ' +
			v.bytes.largestJs
				.map(
					(f: { path: string; gzip: number; engine: boolean }) =>
						`\`${f.path.replace(/^.*\//, '')}\` ${kb(f.gzip)}${f.engine ? ' (engine)' : ''}`
				)
				.join(', ') +
			'.'
	);
	out.push(
		'',
		`Built HTML: ${v.html.pages} pages; home ${kb(v.html.home)}, \`/arml/ile-de-france\` ${kb(v.html.ileDeFrance)} (target ≤ 1 MB: ${verdict(v.html.ileDeFrance <= 1024 * 1024)}); largest ${v.html.largest.map((p: { path: string; bytes: number }) => `\`${p.path}\` ${kb(p.bytes)}`).join(', ')}.`
	);
	return out.join('\n');
}

const doc = readFileSync(DOC, 'utf8');
const at = doc.indexOf(BEGIN);
const end = doc.indexOf(END);
if (at < 0 || end < at) throw new Error(`${DOC}: markers missing`);
writeFileSync(DOC, doc.slice(0, at + BEGIN.length) + '\n\n' + render() + '\n\n' + doc.slice(end));
console.log(`${DOC} written.`);
