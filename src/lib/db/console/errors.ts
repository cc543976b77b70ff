/** DuckDB's message without its kind and the « LINE … » excerpt that follows. */
function firstLine(message: string): string {
	return message.split('\n')[0].replace(/^[A-Za-z ]+Error: /, '');
}

type Rule = [RegExp, (m: RegExpExecArray) => string];

// DuckDB suggests from its whole catalogue; the console offers only the app's own tables and columns.
const INTERNAL = /^(pg_|duckdb_|sqlite_|information_schema|staging|_)/i;
const suggestion = (name: string | undefined) =>
	name && !INTERNAL.test(name) ? ` Vouliez-vous dire « ${name} » ?` : '';

const RULES: Rule[] = [
	[
		/Table with name (.+?) does not exist!(?:\s*Did you mean "(.+?)"\?)?/,
		(m) => `La table « ${m[1]} » n’existe pas.${suggestion(m[2])} Les tables disponibles sont listées à côté.`
	],
	[
		/Referenced column "?(.+?)"? not found in FROM clause!(?:\s*Candidate bindings: "?([^",\n]+))?/,
		(m) => `La colonne « ${m[1]} » n’existe pas dans les tables de la requête.${suggestion(m[2])}`
	],
	[
		/Referenced table "(.+?)" not found!/,
		(m) => `La table ou l’alias « ${m[1]} » n’est pas dans la clause FROM.`
	],
	[
		/(?:Scalar|Table|Aggregate) Function with name "?(.+?)"? (?:does not exist|is not in the catalog)/,
		(m) => `La fonction « ${m[1]} » n’existe pas dans ce moteur.`
	],
	[
		/No function matches the given name and argument types '(.+?)'/,
		(m) => `Aucune fonction ne correspond à ${m[1]} : vérifiez le type des arguments.`
	],
	[/syntax error at end of input/, () => 'Erreur de syntaxe : la requête s’arrête trop tôt.'],
	[/syntax error at or near "(.+?)"/, (m) => `Erreur de syntaxe près de « ${m[1]} ».`],
	[/unterminated quoted string/, () => 'Erreur de syntaxe : une chaîne entre apostrophes n’est pas fermée.'],
	[/unterminated \/\* comment/, () => 'Erreur de syntaxe : un commentaire /* n’est pas fermé.'],
	[
		/column "(.+?)" must appear in the GROUP BY clause/,
		(m) => `La colonne « ${m[1]} » doit figurer dans GROUP BY ou dans une agrégation (count, avg…).`
	],
	[
		/Ambiguous reference to column name "(.+?)"/,
		(m) => `La colonne « ${m[1]} » est ambiguë : préfixez-la par sa table.`
	],
	[
		/Could not convert string '(.+?)' to ([A-Z0-9]+)/,
		(m) => `Conversion impossible : « ${m[1]} » n’est pas un ${m[2]}.`
	],
	[/Division by zero/i, () => 'Division par zéro.'],
	[
		/Permission Error/,
		() =>
			'Accès refusé : le moteur ne lit que les tables du jeu actif (aucun fichier, aucune adresse web, aucune extension).'
	],
	[/Out of Memory/i, () => 'Mémoire insuffisante : restreignez la requête (WHERE, GROUP BY, LIMIT).']
];

/**
 * DuckDB's message as text: DuckDB-WASM hands some errors over as JSON
 * (`{"exception_type":"Parser","exception_message":"syntax error…"}`).
 */
export function engineMessage(raw: string): string {
	if (!raw.startsWith('{')) return raw;
	try {
		const parsed = JSON.parse(raw) as { exception_type?: string; exception_message?: string };
		if (typeof parsed.exception_message === 'string')
			return `${parsed.exception_type ?? 'DuckDB'} Error: ${parsed.exception_message}`;
	} catch {
		// Not JSON after all: the text as it came.
	}
	return raw;
}

/**
 * DuckDB's error message in French where it can be mapped (syntax, unknown table, column or
 * function…), else DuckDB's own first line. `timeLimitS` is set when the console interrupted it.
 */
export function frenchError(message: string, timeLimitS: number | null = null): string {
	if (timeLimitS !== null || /query was canceled|INTERRUPT/i.test(message))
		return `Requête interrompue : elle a dépassé la limite de ${timeLimitS ?? '?'} secondes. Restreignez-la (WHERE, LIMIT…).`;
	for (const [pattern, say] of RULES) {
		const m = pattern.exec(message);
		if (m) return say(m);
	}
	return `Erreur du moteur : ${firstLine(message)}`;
}
