/**
 * Where a page's filter changes spend the main thread: Chromium's CPU profile (CDP
 * `Profiler.start`, 500 µs sampling) over BENCH_CHANGES changes of Campagne and Phase, summed by
 * function (self time) and by function and caller chain, printed as the top entries.
 *   npx tsx scripts/bench/profile.ts [--scale] <page>   (a page of `pages.ts`: home, arml, criteres, ml)
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { engineSettled, importFiles, serve } from './harness';
import { PAGES } from './pages';
import { change, options } from './probes';

const N = Number(process.env.BENCH_CHANGES ?? 6);
const TABLES = ['missions_locales', 'evaluations', 'labellisation', 'chiffres_cles', 'actions', 'constats'];

type Node = {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

async function main() {
	const scale = process.argv.includes('--scale');
	const name = process.argv.slice(2).find((a) => a !== '--scale') ?? 'arml';
	const view = PAGES.find((p) => p.name === name);
	if (!view) throw new Error(`no page ${name}`);
	const server = await serve();
	const browser = await chromium.launch({
		executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking'
		]
	});
	try {
		const context = await browser.newContext();
		if (scale) {
			const p = await context.newPage();
			await importFiles(
				p,
				server.base,
				TABLES.map((t) => `data/scale-10/${t}.parquet`)
			);
			await p.close();
		}
		const page = await context.newPage();
		await page.goto(server.base + view.path);
		await engineSettled(page, 600_000);
		const drawn = `[data-ready^="${view.prefix}"]${scale ? ':not([data-ready*="@demo-"])' : ''}`;
		await page.locator(drawn).waitFor({ timeout: 600_000 });
		await page.locator(drawn).scrollIntoViewIfNeeded();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
		await cdp.send('Profiler.start');
		for (let i = 0; i < N; i++) {
			const label = i % 2 === 0 ? 'Campagne' : 'Phase';
			const select = (await options(page, label))!;
			const next = select.values[(select.values.indexOf(select.value) + 1) % select.values.length];
			const r = await change(page, label, next, view.prefix);
			console.log(label, next, JSON.stringify(r));
			await page.evaluate(
				() => new Promise((done) => requestIdleCallback(() => done(null), { timeout: 2000 }))
			);
		}
		const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
		const byId = new Map(profile.nodes.map((n) => [n.id, n]));
		const parent = new Map<number, number>();
		for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
		const self = new Map<string, number>();
		const total = new Map<string, number>();
		let busy = 0;
		const label = (n: Node) =>
			`${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
		profile.samples.forEach((id, i) => {
			const dt = (profile.timeDeltas[i] ?? 0) / 1000;
			const n = byId.get(id)!;
			if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') return;
			busy += dt;
			self.set(label(n), (self.get(label(n)) ?? 0) + dt);
			const seen = new Set<string>();
			for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
				const l = label(byId.get(at)!);
				if (seen.has(l)) continue;
				seen.add(l);
				total.set(l, (total.get(l) ?? 0) + dt);
			}
		});
		const top = (m: Map<string, number>, k: number) =>
			[...m]
				.sort((a, b) => b[1] - a[1])
				.slice(0, k)
				.map(([l, ms]) => `  ${Math.round(ms)} ms  ${l}`)
				.join('\n');
		console.log(
			`busy ${Math.round(busy)} ms over ${N} changes\nself:\n${top(self, 25)}\ntotal:\n${top(total, 40)}`
		);
	} finally {
		await browser.close();
		server.close();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
