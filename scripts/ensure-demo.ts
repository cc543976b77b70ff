/**
 * Makes sure the demo dataset is there and up to date (`npm run data:ensure`; the build and the tests
 * call it): regenerates it when a file is missing or `data/.stamp` differs from the hash of its inputs,
 * then copies the Parquet files the browser loads into `static/data/`. Fast when nothing changed.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TABLES } from '../src/lib/data/contract.ts';
import { DATA_DIR, STATIC_DATA_DIR } from './demo/paths.ts';
import { STAMP_FILE, computeStamp } from './demo/stamp.ts';
import { REFERENCE_TABLES } from './reference.ts';

export type EnsureResult = { regenerated: boolean; reason?: string; copied: string[] };

/** Files the browser needs, relative to the data directory. */
export const BROWSER_FILES: readonly string[] = [
	...TABLES.map((t) => `${t.name}.parquet`),
	...REFERENCE_TABLES.map((t) => `reference/${t.name}.parquet`),
	'manifest.json'
];

/** Every file the generator writes, relative to the data directory. */
export const OUTPUT_FILES: readonly string[] = [
	...TABLES.flatMap((t) => [`${t.name}.csv`, `${t.name}.parquet`]),
	...REFERENCE_TABLES.flatMap((t) => [`reference/${t.name}.csv`, `reference/${t.name}.parquet`]),
	'manifest.json',
	STAMP_FILE
];

/** Why the data must be regenerated, or undefined when it is up to date. */
export function staleness(dataDir: string, stamp: string): string | undefined {
	const missing = OUTPUT_FILES.find((f) => !existsSync(join(dataDir, f)));
	if (missing) return `${missing} manquant`;
	if (readFileSync(join(dataDir, STAMP_FILE), 'utf8').trim() !== stamp)
		return 'générateur, contrat ou référentiel modifié';
	return undefined;
}

function sameBytes(a: string, b: string): boolean {
	return existsSync(b) && statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
}

/** Regenerates if needed, then copies the browser's files; returns what it did. */
export async function ensureDemo(dataDir = DATA_DIR, staticDir = STATIC_DATA_DIR): Promise<EnsureResult> {
	const reason = staleness(dataDir, computeStamp());
	if (reason) {
		// Imported only when needed: loading DuckDB and the generator is most of the cost of a fresh run.
		const { generateDemo } = await import('./generate-demo.ts');
		await generateDemo(dataDir);
	}
	const copied: string[] = [];
	for (const file of BROWSER_FILES) {
		const from = join(dataDir, file);
		const to = join(staticDir, file);
		if (sameBytes(from, to)) continue;
		mkdirSync(dirname(to), { recursive: true });
		copyFileSync(from, to);
		copied.push(file);
	}
	return { regenerated: reason !== undefined, reason, copied };
}

async function main() {
	const started = performance.now();
	const result = await ensureDemo();
	const ms = Math.round(performance.now() - started);
	const what = result.regenerated ? `régénérées (${result.reason})` : 'à jour';
	console.log(
		`Données de démonstration ${what} ; ${result.copied.length} fichier(s) copié(s) dans static/data/ (${ms} ms).`
	);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
