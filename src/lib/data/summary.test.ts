import { describe, expect, it } from 'vitest';
import { batchReport, unreadableFile, type FileReport } from './report';
import { formatIssue, summaryLine } from './summary';

const file = (counts: FileReport['counts'], rows: number, truncated = false): FileReport => ({
	...unreadableFile('f.csv', 'x'),
	readable: true,
	rows,
	counts,
	issues: [],
	truncated
});

describe('formatIssue', () => {
	it('writes file:line:column: [rule] message, leaving out what is absent', () => {
		const issue = { file: 'e.csv', rule: 'hors-domaine', message: 'M.', severity: 'error' } as const;
		expect(formatIssue({ ...issue, line: 3, column: 'niveau' })).toBe('e.csv:3:niveau: [hors-domaine] M.');
		expect(formatIssue({ ...issue, line: null, column: null })).toBe('e.csv: [hors-domaine] M.');
	});
});

describe('summaryLine', () => {
	it('gives exact counts per rule, in French', () => {
		const report = batchReport([file({ 'hors-domaine': 1200, 'colonnes-en-trop': 1 }, 1_000_000, true), file({}, 1)]);
		expect(summaryLine(report, 100)).toBe(
			'Bilan : 2 fichiers, 1\u202f000\u202f001 lignes de données : 1\u202f200 erreurs (hors-domaine : 1\u202f200), ' +
				'1 avertissement (colonnes-en-trop : 1). Seuls les 100 premiers cas de chaque règle sont listés par fichier.'
		);
	});

	it('lists each rule of a kind, separated by commas, and warnings in the plural', () => {
		const report = batchReport([file({ doublon: 2, 'hors-domaine': 3, 'colonnes-en-trop': 2 }, 10)]);
		expect(summaryLine(report)).toBe(
			'Bilan : 1 fichier, 10 lignes de données : 5 erreurs (hors-domaine : 3, doublon : 2), ' +
				'2 avertissements (colonnes-en-trop : 2).'
		);
	});

	it('speaks of a single example in the singular', () => {
		expect(summaryLine(batchReport([file({ doublon: 3 }, 4, true)]), 1)).toContain(
			'Seul le premier cas de chaque règle est listé par fichier.'
		);
	});

	it('writes 0 and 1 in the singular, says nothing of a cut when no file was cut, and counts examples only when given', () => {
		expect(summaryLine(batchReport([file({}, 0)]), 100)).toBe(
			'Bilan : 1 fichier, 0 ligne de données : 0 erreur, 0 avertissement.'
		);
		expect(summaryLine(batchReport([file({ doublon: 3 }, 4, true)]))).toContain(
			'Seuls les premiers cas de chaque règle sont listés par fichier.'
		);
	});
});

