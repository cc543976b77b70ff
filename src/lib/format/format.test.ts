import { describe, expect, it } from 'vitest';
import {
	FICTIONAL_DATA,
	fictionalRows,
	fictionalTitle,
	formatCount,
	formatDate,
	formatInteger,
	formatLevel2,
	formatList,
	formatSigned,
	formatSigned2,
	formatSignedPercent,
	curlyApostrophes,
	frenchSpacing,
	lowerFirst,
	monthTick,
	numberTick,
	pluralize
} from '.';

describe('French counts', () => {
	it('puts 0 and 1 in the singular and 2 or more in the plural', () => {
		expect(formatCount(0, 'critère')).toBe('0 critère');
		expect(formatCount(1, 'Mission Locale')).toBe('1 Mission Locale');
		expect(formatCount(2, 'Mission Locale')).toBe('2 Missions Locales');
		expect(formatCount(1234, 'Mission Locale évaluée')).toBe('1\u00a0234 Missions Locales évaluées');
	});

	it('leaves words ending in s, x or z as they are, and takes a given plural', () => {
		expect(pluralize('pays heureux')).toBe('pays heureux');
		expect(formatCount(3, 'audit national', 'audits nationaux')).toBe('3 audits nationaux');
	});

	it('joins a list with commas and « et » before the last item, counting those left out', () => {
		expect(formatList([])).toBe('');
		expect(formatList(['a'])).toBe('a');
		expect(formatList(['a', 'b'])).toBe('a et b');
		expect(formatList(['a', 'b', 'c'])).toBe('a, b et c');
		expect(formatList(['a', 'b'], 1)).toBe('a, b et 1 autre');
		expect(formatList(['a'], 2)).toBe('a et 2 autres');
	});
});

describe('French numbers', () => {
	it('writes a true minus sign, never a hyphen', () => {
		expect(formatSignedPercent(-0.014)).toBe('−1,4\u00a0%');
		expect(formatSigned(-0.26)).toBe('−0,3');
		expect(formatSigned2(-0.456)).toBe('−0,46');
		expect(formatInteger(-3)).toBe('−3');
	});

	it('keeps one decimal on every signed percentage, so that a list lines up', () => {
		expect(formatSignedPercent(0.02)).toBe('+2,0\u00a0%');
		expect(formatSignedPercent(0.014)).toBe('+1,4\u00a0%');
		expect(formatSignedPercent(0)).toBe('0,0\u00a0%');
	});

	it('reads a change too small to show as zero, without a sign', () => {
		expect(formatSigned2(-0.001)).toBe('0,00');
		expect(formatLevel2(3.6)).toBe('3,60');
	});
});

describe('French dates and ticks', () => {
	it('writes dates in full, with « 1er » on the first of the month', () => {
		expect(formatDate('2025-12-31')).toBe('31 décembre 2025');
		expect(formatDate('2026-01-01')).toBe('1er janvier 2026');
		expect(formatDate(null)).toBe('–');
	});

	it('writes axis ticks with a decimal comma and French months', () => {
		expect(numberTick(1.5)).toBe('1,5');
		expect(numberTick(2)).toBe('2');
		expect(monthTick(new Date('2024-04-01T00:00:00Z'))).toBe('avr.');
		expect(monthTick(new Date('2024-07-01T00:00:00Z'))).toBe('juil.');
		expect(monthTick(new Date('2025-01-01T00:00:00Z'))).toBe('2025');
	});
});

describe('French typography', () => {
	it('puts a narrow no-break space before « : ; ? ! » and inside « »', () => {
		expect(frenchSpacing('Source : données ; fin ? oui ! « Atteint »')).toBe(
			'Source\u202f: données\u202f; fin\u202f? oui\u202f! «\u202fAtteint\u202f»'
		);
		expect(frenchSpacing('«Atteint»')).toBe('«\u202fAtteint\u202f»');
	});

	it('writes typographic apostrophes between letters only', () => {
		expect(curlyApostrophes("Renvoi tel qu'imprimé dans le texte de l'UNML, 'cité'")).toBe(
			"Renvoi tel qu’imprimé dans le texte de l’UNML, 'cité'"
		);
	});

	it('lowers a label’s first letter inside a sentence and keeps its acronyms', () => {
		expect(lowerFirst('Entrées en CEJ')).toBe('entrées en CEJ');
		expect(lowerFirst('PACEA signés')).toBe('PACEA signés');
		expect(lowerFirst('Élèves en PMSMP')).toBe('élèves en PMSMP');
	});

	it('leaves a colon with no space before it (a time, a link) alone', () => {
		expect(frenchSpacing('https://exemple.fr 12:30')).toBe('https://exemple.fr 12:30');
	});
});

describe('a fictional Mission Locale', () => {
	it('is marked in an export’s title and on every CSV row, only when fictional', () => {
		expect(fictionalTitle('Score par critère', true)).toBe('Score par critère — Mission Locale fictive');
		expect(fictionalTitle('Score par critère', false)).toBe('Score par critère');
		const rows = [{ critere: '1.1' }, { critere: '1.2' }];
		expect(fictionalRows(rows, true)).toEqual([
			{ donnees: FICTIONAL_DATA, critere: '1.1' },
			{ donnees: FICTIONAL_DATA, critere: '1.2' }
		]);
		expect(Object.keys(fictionalRows(rows, true)[0])[0]).toBe('donnees');
		expect(fictionalRows(rows, false)).toBe(rows);
	});
});
