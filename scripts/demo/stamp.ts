/**
 * The stamp of the demo data: a hash of everything its bytes depend on (the generator's sources,
 * the data contract, the référentiel, and the versions of the packages that produce them).
 * `ensure-demo` regenerates when `data/.stamp` holds another value.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { ROOT, REFERENTIEL_PATH } from './paths.ts';

export const STAMP_FILE = '.stamp';

const require = createRequire(import.meta.url);
const packageVersion = (name: string) =>
	(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;

/** The files whose content shapes the demo data, in a fixed order. */
export function stampInputs(): string[] {
	const demo = readdirSync(join(ROOT, 'scripts', 'demo'))
		.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
		.sort()
		.map((f) => join(ROOT, 'scripts', 'demo', f));
	return [
		join(ROOT, 'scripts', 'generate-demo.ts'),
		join(ROOT, 'scripts', 'reference.ts'),
		...demo,
		join(ROOT, 'src', 'lib', 'data', 'contract.ts'),
		join(ROOT, 'src', 'lib', 'db', 'node.ts'),
		REFERENTIEL_PATH
	];
}

/** A hex SHA-256 of the inputs' paths and contents and of the package versions. */
export function computeStamp(): string {
	const hash = createHash('sha256');
	for (const file of stampInputs()) {
		hash.update(relative(ROOT, file).replaceAll('\\', '/') + '\0');
		hash.update(readFileSync(file));
		hash.update('\0');
	}
	for (const name of ['@etalab/decoupage-administratif', '@duckdb/node-api']) {
		hash.update(`${name}@${packageVersion(name)}\0`);
	}
	return hash.digest('hex');
}
