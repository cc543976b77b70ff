import { describe, expect, it } from 'vitest';
import { engineMessage, frenchError } from './errors';

describe('console errors', () => {
	it('reads the JSON errors DuckDB-WASM sends from a pending query', () => {
		const raw = JSON.stringify({
			exception_type: 'Parser',
			exception_message: 'syntax error at or near "AND"\n\nLINE 2: …'
		});
		expect(engineMessage(raw)).toBe('Parser Error: syntax error at or near "AND"\n\nLINE 2: …');
		expect(frenchError(engineMessage(raw))).toBe('Erreur de syntaxe près de « AND ».');
		expect(engineMessage('{not json')).toBe('{not json');
	});

	it('says a query was interrupted, with the time limit', () => {
		expect(frenchError('query was canceled', 20)).toBe(
			'Requête interrompue : elle a dépassé la limite de 20 secondes. Restreignez-la (WHERE, LIMIT…).'
		);
	});

	it('keeps DuckDB’s first line when it cannot map the message', () => {
		expect(frenchError('Invalid Input Error: something new\nLINE 1: x')).toBe(
			'Erreur du moteur : something new'
		);
	});
});
