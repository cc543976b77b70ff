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
	lineSpan,
	lowerFirst,
	ofData,
	monthTick,
	numberTick,
	pluralize,
	signedTick
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

	it('gives every tick of an axis the decimals of its most precise one', () => {
		const ticks = [1, 1.5, 2, 2.5];
		expect(ticks.map((t, i) => numberTick(t, i, ticks))).toEqual(['1,0', '1,5', '2,0', '2,5']);
		const quarters = [0, 0.25, 0.5];
		expect(quarters.map((t, i) => numberTick(t, i, quarters))).toEqual(['0,00', '0,25', '0,50']);
		const counts = [0, 500, 1000];
		expect(counts.map((t, i) => numberTick(t, i, counts))).toEqual(['0', '500', '1\u00a0000']);
		expect(numberTick(-0.5, 0, [-0.5, 0])).toBe('−0,5');
		expect(numberTick(1 / 3)).toBe('0,33');
	});

	it('signs a difference tick with a true minus, and zero without a sign', () => {
		const ticks = [-0.5, 0, 0.5, 1];
		expect(ticks.map((t, i) => signedTick(t, i, ticks))).toEqual(['−0,5', '0,0', '+0,5', '+1,0']);
		expect(signedTick(2)).toBe('+2');
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

	it('elides « de », « le », « la » and « que » before a name from the data that starts with a vowel or h', () => {
		expect(ofData('de', 'evaluations-2.csv')).toBe('d’evaluations-2.csv');
		expect(ofData('de', 'Évaluations.csv')).toBe('d’Évaluations.csv');
		expect(ofData('de', 'historique.csv')).toBe('d’historique.csv');
		expect(ofData('le', 'arml')).toBe('l’arml');
		expect(ofData('la', 'action')).toBe('l’action');
		expect(ofData('que', 'un')).toBe('qu’un');
		expect(ofData('de', '«\u202fevaluations.csv\u202f»')).toBe('d’«\u202fevaluations.csv\u202f»');
		expect(ofData('de', 'missions_locales')).toBe('de missions_locales');
		expect(ofData('de', '«\u202fsuivi.csv\u202f»')).toBe('de «\u202fsuivi.csv\u202f»');
		expect(ofData('de', '2024.csv')).toBe('de 2024.csv');
	});

	it('names one line alone and a span of lines with « à »', () => {
		expect(lineSpan(4, 4)).toBe('ligne 4');
		expect(lineSpan(3, 172004)).toBe('lignes 3 à 172\u00a0004');
		expect(lineSpan(3, 4, String)).toBe('lignes 3 à 4');
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
