import type { Tokens } from '../types';

/** A statement the console will not run, with the reason in French. */
export class ConsoleRefusal extends Error {
	constructor(
		message: string,
		/** DuckDB's own message, when the refusal comes from the engine. */
		readonly detail: string | null = null
	) {
		super(message);
	}
}

// DuckDB's token kinds (duckdb-wasm `TokenType`).
const OPERATOR = 3;

/** Words a read-only query may start with (`(` for a parenthesised query). */
const READ_STARTS = new Set([
	'SELECT',
	'WITH',
	'FROM',
	'VALUES',
	'TABLE',
	'SUMMARIZE',
	'DESCRIBE',
	'SHOW',
	'PIVOT',
	'UNPIVOT',
	'('
]);

const WRITES = 'modifierait les données';
const CONFIG = 'changerait la configuration du moteur';
const TRANSACTION = 'piloterait les transactions';
/** Why each statement the console refuses would be harmful, by its first word. */
const REFUSED: Record<string, string> = {
	ATTACH: 'ouvrirait une autre base de données',
	DETACH: 'détacherait une base de données',
	USE: 'changerait de base de données',
	COPY: 'lirait ou écrirait un fichier',
	EXPORT: 'écrirait des fichiers',
	IMPORT: 'lirait des fichiers',
	INSTALL: 'installerait une extension',
	FORCE: 'installerait une extension',
	LOAD: 'chargerait une extension',
	SET: CONFIG,
	RESET: CONFIG,
	PRAGMA: CONFIG,
	CALL: 'appellerait une procédure du moteur',
	INSERT: WRITES,
	UPDATE: WRITES,
	DELETE: WRITES,
	MERGE: WRITES,
	TRUNCATE: WRITES,
	CREATE: WRITES,
	DROP: WRITES,
	ALTER: WRITES,
	COMMENT: WRITES,
	CHECKPOINT: WRITES,
	VACUUM: WRITES,
	ANALYZE: WRITES,
	BEGIN: TRANSACTION,
	START: TRANSACTION,
	COMMIT: TRANSACTION,
	END: TRANSACTION,
	ROLLBACK: TRANSACTION,
	ABORT: TRANSACTION,
	PREPARE: 'préparerait une instruction',
	EXECUTE: 'exécuterait une instruction préparée',
	DEALLOCATE: 'effacerait une instruction préparée',
	EXPLAIN: 'montrerait un plan plutôt que des lignes'
};

const READ_ONLY =
	'La console ne fait que lire les tables du jeu actif : une seule requête SELECT (ou WITH, FROM…).';

/** The first word at `index` (upper case), or its first character when it is not a word. */
function word(text: string, index: number): string {
	const rest = text.slice(index);
	return (/^[A-Za-z_]+/.exec(rest)?.[0] ?? rest.charAt(0)).toUpperCase();
}

/** DuckDB gives token offsets in UTF-8 bytes; JavaScript indexes UTF-16 code units. */
function charIndices(text: string, byteOffsets: readonly number[]): number[] {
	const bytes = new TextEncoder().encode(text);
	const decoder = new TextDecoder();
	return byteOffsets.map((b) => decoder.decode(bytes.subarray(0, b)).length);
}

/**
 * Checks a user's text with DuckDB's own tokenizer (strings and comments are told apart by DuckDB,
 * not by a regex) and returns it wrapped as `SELECT * FROM (<text>) LIMIT <limit>`: DuckDB's parser
 * then refuses anything that is not a query. Refuses, in French, a text with more than one statement
 * or that starts with anything but a read.
 */
export function readOnlyStatement(text: string, tokens: Tokens, limit: number): string {
	if (!Number.isInteger(limit) || limit < 1) throw new Error(`Invalid limit ${limit}`);
	const { types } = tokens;
	const offsets = charIndices(text, tokens.offsets);
	const empty = 'Écrivez une requête, par exemple SELECT * FROM missions_locales.';
	if (offsets.length === 0) throw new ConsoleRefusal(empty);
	const isSeparator = (i: number) => types[i] === OPERATOR && text[offsets[i]] === ';';
	const first = offsets.findIndex((_, i) => isSeparator(i));
	const end = first === -1 ? offsets.length : first;
	// After the first `;`, only more `;` (comments are not tokens).
	for (let i = end; i < offsets.length; i++)
		if (!isSeparator(i)) throw new ConsoleRefusal(`Une seule requête à la fois. ${READ_ONLY}`);
	if (end === 0) throw new ConsoleRefusal(empty);

	const start = word(text, offsets[0]);
	const reason = REFUSED[start];
	if (reason) throw new ConsoleRefusal(`Refusé : ${start} ${reason}. ${READ_ONLY}`);
	if (!READ_STARTS.has(start))
		throw new ConsoleRefusal(`Refusé : « ${start} » ne commence pas une requête de lecture. ${READ_ONLY}`);

	const body = end < offsets.length ? text.slice(0, offsets[end]) : text;
	// The limit is the console's own integer, never the user's text.
	return `SELECT * FROM (\n${body}\n) AS requete LIMIT ${limit}`;
}
