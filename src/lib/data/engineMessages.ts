/**
 * DuckDB's and parquet-wasm's messages, in French: the report and the CLI never show the engine's
 * English. An unknown message keeps its first line, after a French lead-in.
 */
const KNOWN: [RegExp, (m: RegExpExecArray) => string][] = [
	[/Maximum line size of (\d+) bytes exceeded/i, (m) => `une ligne dépasse ${Number(m[1]).toLocaleString('fr-FR')} octets`],
	[/Out of Memory|Allocation failure|memory access out of bounds/i, () => 'mémoire insuffisante pour ce fichier'],
	[/Expected Number of Columns: (\d+) Found: (\d+)/, (m) => `${m[2]} champs au lieu des ${m[1]} de l’en-tête`],
	[/unterminated quote/i, () => 'guillemet non fermé'],
	[/Invalid unicode|invalid UTF-?8/i, () => 'texte qui n’est pas de l’UTF-8 valide'],
	[/(EOF|end of file|out of range|too small|truncat)/i, () => 'fichier tronqué ou incomplet'],
	[/(magic|not a parquet|Invalid Parquet|Parquet error|thrift|metadata|what type)/i, () => 'structure Parquet invalide'],
	[/state machine reached an invalid state/i, () => 'structure CSV non conforme'],
	[/Conversion Error|Could not convert/i, () => 'valeur impossible à convertir'],
	[/interrupt/i, () => 'lecture interrompue']
];

/** A French phrase for an engine's error message. */
export function engineMessage(message: string): string {
	for (const [pattern, phrase] of KNOWN) {
		const m = pattern.exec(message);
		if (m) return phrase(m);
	}
	// The engine's own words, without its English « … Error: » lead.
	const first = message.split('\n')[0].replace(/^[\w ]*(Error|Exception): */, '').slice(0, 200);
	return `erreur du moteur de calcul (« ${first} »)`;
}
