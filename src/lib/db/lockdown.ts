/**
 * The directory every file the app registers with DuckDB-WASM lives in. Once the engine is locked,
 * it is the only path DuckDB may open: a registered name outside it, a URL or a local path is refused.
 */
export const FILES_DIR = '/fichiers/';

/** The path under which to register a file; `name` is made safe (no slash, no `..`). */
export function registeredPath(name: string): string {
	return `${FILES_DIR}${name.replace(/[^\w.-]/g, '_').replace(/\.\.+/g, '_')}`;
}

/**
 * Statements that lock DuckDB-WASM before anything else runs (DuckDB 1.4.3 semantics, checked by
 * `lockdown.test.ts` on the same engine):
 * - no extension is installed or loaded on its own (each would request the internet);
 * - `enable_external_access = false` refuses every file, URL, `ATTACH` of a file, `COPY … TO` and
 *   `LOAD`, except paths under `allowed_directories`, which must be set before (it cannot change
 *   once external access is off);
 * - `lock_configuration = true` last: no later `SET`, `RESET` or `PRAGMA` can undo any of it.
 * `INSTALL` stays accepted, and no setting refuses it: it does nothing in DuckDB-WASM. Native DuckDB
 * refuses it under `enable_external_access = false` only because it would write the extension's file;
 * DuckDB-WASM's `INSTALL` returns before touching any file or the network (its extensions are fetched
 * by `LOAD`, which is refused), and where it would look (`custom_extension_repository`,
 * `extension_directory`) is locked. The page's `connect-src 'self'` would block any request anyway.
 */
export const LOCKDOWN_STATEMENTS: readonly string[] = [
	'SET autoload_known_extensions = false',
	'SET autoinstall_known_extensions = false',
	'SET allow_community_extensions = false',
	'SET allow_unsigned_extensions = false',
	`SET allowed_directories = ['${FILES_DIR}']`,
	'SET enable_external_access = false',
	'SET lock_configuration = true'
];
