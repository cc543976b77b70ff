import { describe, expect, it } from 'vitest';
import { engineMessage } from './engineMessages';

describe('engineMessage', () => {
	it.each([
		['Invalid Input Error: Maximum line size of 1000000 bytes exceeded', 'une ligne dépasse 1\u202f000\u202f000 octets'],
		['Out of Memory Error: failed to allocate', 'mémoire insuffisante pour ce fichier'],
		['RuntimeError: memory access out of bounds', 'mémoire insuffisante pour ce fichier'],
		['Expected Number of Columns: 3 Found: 5', '5 champs au lieu des 3 de l’en-tête'],
		['Error: Unterminated quote at line 4', 'guillemet non fermé'],
		['Invalid unicode (byte sequence mismatch) detected', 'texte qui n’est pas de l’UTF-8 valide'],
		['Invalid Input Error: invalid UTF8 in column', 'texte qui n’est pas de l’UTF-8 valide'],
		['Unexpected end of file', 'fichier tronqué ou incomplet'],
		['buffer too small', 'fichier tronqué ou incomplet'],
		['Invalid Parquet file: bad magic', 'structure Parquet invalide'],
		['thrift deserialization failed', 'structure Parquet invalide'],
		['CSV Error: state machine reached an invalid state', 'structure CSV non conforme'],
		['Conversion Error: Could not convert string "x" to INT32', 'valeur impossible à convertir'],
		['INTERRUPT Error: Interrupted!', 'lecture interrompue']
	])('puts « %s » in French', (raw, french) => {
		expect(engineMessage(raw)).toBe(french);
	});

	it('keeps the first line of an unknown message, without its English lead, cut at 200 characters', () => {
		expect(engineMessage('Binder Error: column "x" missing\nLINE 1: SELECT')).toBe(
			'erreur du moteur de calcul (« column "x" missing »)'
		);
		expect(engineMessage('Something odd')).toBe('erreur du moteur de calcul (« Something odd »)');
		// Only a lead at the start is the engine's: an « Error: » further on is part of the message.
		expect(engineMessage('Could not read "a.csv" (Error: permission denied)')).toBe(
			'erreur du moteur de calcul (« Could not read "a.csv" (Error: permission denied) »)'
		);
		expect(engineMessage('Parser Error:syntax error at or near "x"')).toBe(
			'erreur du moteur de calcul (« syntax error at or near "x" »)'
		);
		const long = engineMessage(`Catalog Exception: ${'y'.repeat(300)}`);
		expect(long).toBe(`erreur du moteur de calcul (« ${'y'.repeat(200)} »)`);
	});
});
