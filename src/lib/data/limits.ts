/**
 * Bounds on every input, checked before DuckDB parses anything, so that any file gets an answer in
 * bounded time and memory (stated in the README). A file beyond them is refused, in French, with
 * the limit named.
 */
export const LIMITS = {
	/** A file's size: it is read whole into memory (its text too, for a CSV). */
	fileBytes: 256 * 1024 * 1024,
	/** Characters of one CSV line (a record, quoted line breaks included). */
	lineChars: 1_000_000,
	/** Columns of a file's header. */
	columns: 1_000,
	/**
	 * Rows of a rejected-rows file (`rejectedRows`): beyond, it holds the first ones and says how many
	 * there are in all (the report counts every one). Its text must stay one string of bounded length.
	 */
	rejectedRows: 100_000,
	/**
	 * Seconds the CLI gives a batch before it stops it with a French message (`--limite-temps`). On a
	 * busy 2-core machine, files within the other limits took 19 s to 15 min (`npm run bench -- limits`).
	 */
	cliSeconds: 600,
	/**
	 * Seconds the browser gives the check of a batch (reading and validation) before it stops it
	 * with a French message: the same bound as the CLI's.
	 */
	browserSeconds: 600
} as const;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('fr-FR')} Mo`;

/** Why a file's size is refused, or null. */
export function sizeProblem(bytes: number): string | null {
	return bytes > LIMITS.fileBytes
		? `le fichier pèse ${megabytes(bytes)}, au-delà de la limite de ${megabytes(LIMITS.fileBytes)} : découpez-le en plusieurs fichiers`
		: null;
}

/**
 * Seconds the browser gives the check of a batch (`LIMITS.browserSeconds`). A page may lower it,
 * never raise it, by setting `observatoireImportSeconds` on `window` before it loads: the
 * end-to-end tests do, to reach the limit with a small file.
 */
export function browserSeconds(scope: object = globalThis): number {
	const lowered = (scope as { observatoireImportSeconds?: unknown }).observatoireImportSeconds;
	return typeof lowered === 'number' && lowered > 0 ? Math.min(lowered, LIMITS.browserSeconds) : LIMITS.browserSeconds;
}

/**
 * Why the browser stopped waiting for an import's commit after `seconds` (the same bound as the
 * check's), and which dataset is active afterwards: the one before, or the new one whole (its
 * `COMMIT` had run; the page then keeps it as if the commit had answered). `rejectedLost`: the batch
 * left rows out, whose file went with the stopped worker.
 */
export function commitTimeMessage(seconds: number, kept: 'old' | 'new' = 'old', rejectedLost = false): string {
	const limit = `L’import a dépassé la limite de ${seconds.toLocaleString('fr-FR')}\u202fs`;
	return kept === 'old'
		? `${limit}\u202f: il a été abandonné, vos données d’avant restent actives, entières. Découpez les fichiers en plusieurs lots plus petits.`
		: `${limit}, mais il s’était achevé\u202f: les nouvelles données, entières, sont actives.${
				rejectedLost
					? ' Les lignes écartées ne peuvent plus être téléchargées\u202f: contrôlez à nouveau les fichiers pour les obtenir.'
					: ''
			}`;
}

/** Why the browser stopped checking a batch after `seconds` (`LIMITS.browserSeconds`). */
export function browserTimeMessage(seconds: number): string {
	return `Le contrôle a dépassé la limite de ${seconds.toLocaleString('fr-FR')}\u202fs\u202f: découpez les fichiers en plusieurs lots plus petits. Rien n’a changé.`;
}
