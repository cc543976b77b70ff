/** Where the demo generator reads and writes, relative to the repository root. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Default output directory of the generator. */
export const DATA_DIR = join(ROOT, 'data');
/** Where the browser fetches the Parquet files from. */
export const STATIC_DATA_DIR = join(ROOT, 'static', 'data');
export const REFERENTIEL_PATH = join(ROOT, 'referentiel', 'referentiel-2022-12.json');
