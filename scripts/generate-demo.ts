/**
 * Generates the demo dataset (`npm run data`): a synthetic but realistic network of 437 Missions
 * Locales, their key figures, labellisation history and assessments, plus the reference tables.
 * Deterministic: the same bytes on every run. docs/demo-data.md describes what it contains.
 *
 *   tsx scripts/generate-demo.ts [outDir]   (default: data/)
 *   tsx scripts/generate-demo.ts --scale 10 [outDir]   (default: data/scale-10/; see demo/scale.ts)
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { TABLES, sqlType, type TableName } from '../src/lib/data/contract.ts';
import { openNodeDatabase } from '../src/lib/db/node.ts';
import { REFERENCE_TABLES, buildDepartements, referenceTables } from './reference.ts';
import { TODAY } from './demo/calendar.ts';
import { buildEvaluations } from './demo/evaluations.ts';
import { buildKeyFigures } from './demo/keyFigures.ts';
import { buildNetwork } from './demo/network.ts';
import { buildActions, buildFindings } from './demo/plans.ts';
import { writeTable, type Value } from './demo/output.ts';
import { DATA_DIR } from './demo/paths.ts';
import { loadCriteria } from './demo/referentiel.ts';
import { buildRollout } from './demo/rollout.ts';
import { SCALE_CAMPAIGNS, scaleNetwork, scaledEvaluations } from './demo/scale.ts';
import { STAMP_FILE, computeStamp } from './demo/stamp.ts';

/** Bumped when the generated content changes meaning (not for every tweak: the stamp covers those). */
export const GENERATOR_VERSION = 'demo-1.1.0';

export type Manifest = {
	generatorVersion: string;
	/** Structures per demo Mission Locale (1: the demo itself). */
	scale?: number;
	today: string;
	tables: Record<TableName, number>;
	reference: Record<string, number>;
};

type Rows = Iterable<Record<string, Value>>;

/** Builds every table of the demo in memory. */
export function buildDemo(): Record<TableName, Rows> {
	const network = buildNetwork(buildDepartements());
	const rollout = buildRollout(network);
	const evaluations = buildEvaluations(network, rollout, loadCriteria());
	return {
		missions_locales: network,
		evaluations,
		labellisation: rollout,
		chiffres_cles: buildKeyFigures(network),
		actions: buildActions(rollout, evaluations),
		constats: buildFindings(evaluations)
	};
}

/**
 * The network at `scale` (demo/scale.ts); `limit` keeps the first structures only (for tests). The
 * evaluations are streamed to the writer, never all in memory; the plans read the last campaign.
 */
export function buildScaled(scale: number, limit = Infinity): Record<TableName, Rows> {
	const network = scaleNetwork(buildNetwork(buildDepartements()), scale).slice(0, limit);
	const rollout = buildRollout(network);
	const criteria = loadCriteria();
	const last = [...scaledEvaluations(network, criteria, [SCALE_CAMPAIGNS.at(-1)!])];
	return {
		missions_locales: network,
		evaluations: { [Symbol.iterator]: () => scaledEvaluations(network, criteria) },
		labellisation: rollout,
		chiffres_cles: buildKeyFigures(network),
		actions: buildActions(rollout, last),
		constats: buildFindings(last)
	};
}

/** Writes the demo dataset (or the network at `scale`) into `outDir` and returns its manifest. */
export async function generateDemo(
	outDir = DATA_DIR,
	{ scale = 1, limit }: { scale?: number; limit?: number } = {}
): Promise<Manifest> {
	const stamp = computeStamp();
	const tables = scale === 1 && limit === undefined ? buildDemo() : buildScaled(scale, limit);
	const reference = referenceTables();
	const db = await openNodeDatabase({ threads: 1 });
	const manifest: Manifest = {
		generatorVersion: GENERATOR_VERSION,
		...(scale === 1 ? {} : { scale }),
		today: TODAY,
		tables: {} as Record<TableName, number>,
		reference: {}
	};
	try {
		for (const spec of TABLES) {
			const columns = spec.columns.map((c) => ({ name: c.name, sqlType: sqlType(c.type) }));
			manifest.tables[spec.name] = await writeTable(db, join(outDir, spec.name), {
				name: spec.name,
				columns,
				rows: tables[spec.name]
			});
		}
		for (const { name, columns } of REFERENCE_TABLES) {
			manifest.reference[name] = await writeTable(db, join(outDir, 'reference', name), {
				name: `reference_${name}`,
				columns: columns.map((c) => ({ name: c, sqlType: 'VARCHAR' })),
				rows: reference[name]
			});
		}
	} finally {
		await db.close();
	}
	writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
	writeFileSync(join(outDir, STAMP_FILE), stamp + '\n');
	return manifest;
}

async function main() {
	const started = performance.now();
	const { values, positionals } = parseArgs({
		options: { scale: { type: 'string' } },
		allowPositionals: true
	});
	const scale = Number(values.scale ?? 1);
	if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale : un entier ≥ 1, pas ${values.scale}`);
	// The scaled network never replaces the demo: it has its own directory (git-ignored).
	const outDir = resolve(positionals[0] ?? (scale === 1 ? DATA_DIR : join(DATA_DIR, `scale-${scale}`)));
	const manifest = await generateDemo(outDir, { scale });
	const counts = Object.entries({ ...manifest.tables, ...manifest.reference })
		.map(([name, n]) => `${name} ${n}`)
		.join(', ');
	console.log(
		`Données de démonstration écrites dans ${outDir} (${counts}) en ${Math.round(performance.now() - started)} ms.`
	);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
