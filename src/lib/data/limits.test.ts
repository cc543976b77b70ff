import { describe, expect, it } from 'vitest';
import { browserSeconds, browserTimeMessage, commitTimeMessage, LIMITS, sizeProblem } from './limits';

describe('limits on every input', () => {
	it('gives the browser’s check the CLI’s bound, 600 s', () => {
		expect(LIMITS.browserSeconds).toBe(600);
		expect(browserSeconds({})).toBe(600);
	});

	it('lets a page lower the browser’s limit, never raise it or unset it', () => {
		expect(browserSeconds({ observatoireImportSeconds: 0.5 })).toBe(0.5);
		expect(browserSeconds({ observatoireImportSeconds: 10_000 })).toBe(600);
		for (const value of [0, -1, '1', null, Number.NaN]) expect(browserSeconds({ observatoireImportSeconds: value })).toBe(600);
	});

	it('names the limit, in French, and what to do', () => {
		expect(browserTimeMessage(600)).toBe(
			'Le contrôle a dépassé la limite de 600\u202fs\u202f: découpez les fichiers en plusieurs lots plus petits. Rien n’a changé.'
		);
		expect(browserTimeMessage(0.5)).toContain('0,5\u202fs');
	});

	it('says which dataset is active after a commit past the limit', () => {
		expect(commitTimeMessage(600)).toBe(
			'L’import a dépassé la limite de 600\u202fs\u202f: il a été abandonné, vos données d’avant restent actives, entières. Découpez les fichiers en plusieurs lots plus petits.'
		);
		expect(commitTimeMessage(0.5, 'new')).toBe(
			'L’import a dépassé la limite de 0,5\u202fs, mais il s’était achevé\u202f: les nouvelles données, entières, sont actives.'
		);
		expect(commitTimeMessage(600, 'new', true)).toMatch(
			/sont actives\. Les lignes écartées ne peuvent plus être téléchargées\u202f: contrôlez à nouveau les fichiers pour les obtenir\.$/
		);
	});

	it('refuses a file over 256 MB, naming the limit', () => {
		expect(sizeProblem(LIMITS.fileBytes)).toBeNull();
		expect(sizeProblem(LIMITS.fileBytes + 1)).toMatch(/au-delà de la limite de 256 Mo/);
	});
});
