import { describe, expect, it } from 'vitest';
import {
	capitalAfterColon,
	clockDates,
	decimalPoints,
	englishMonths,
	lowerAcronyms,
	missingElision,
	mixedTickDecimals,
	ordinarySpaces,
	pluralAfterOne,
	sameEnds
} from './frenchRules';
import { readableText } from './pageText';

describe('the French rules of the page-text test', () => {
	it('finds what they are meant to find', () => {
		expect(englishMonths('Apr Jul Oct 2024')).toHaveLength(3);
		expect(decimalPoints('moyenne 3.09', new Set())).toHaveLength(1);
		expect(pluralAfterOne('1 Missions Locales et 0 critères')).toHaveLength(2);
		expect(ordinarySpaces('Source : « Atteint »')).toHaveLength(3);
		expect(clockDates('statut à la date du jour, imprimé le 3 mars')).toHaveLength(2);
		expect(missingElision('Modèle vide de evaluations, exemple de actions')).toHaveLength(2);
		expect(lowerAcronyms('entrées en cej, jeunes en pacea')).toHaveLength(2);
		expect(missingElision('même clé de Evaluations.csv, le arml, la action, que un')).toHaveLength(4);
		expect(sameEnds('jamais fermé\u202f: lignes 4 à 4 ; lignes 1\u00a0000 à 1\u00a0000')).toHaveLength(2);
		expect(
			capitalAfterColon('1 — Non engagé\u202f: La pratique ; Scores\u202f: Dernière évaluation ; x : L’ARML')
		).toHaveLength(3);
		const axis = (...ticks: string[]) =>
			`<g font-variant="tabular-nums">${ticks.map((t) => `<text y="0">${t}</text>`).join('')}</g>`;
		expect(mixedTickDecimals(axis('1', '1,5', '2') + axis('0\u00a0%', '2,5\u00a0%'))).toEqual([
			'1 · 1,5 · 2',
			'0\u00a0% · 2,5\u00a0%'
		]);
	});

	it('let French text through', () => {
		expect(englishMonths('avr. juil. oct. mai 2024')).toEqual([]);
		expect(decimalPoints('critère 3.3, élément 4.1.1.a, moyenne 3,09', new Set(['3.3', '4.1.1.a']))).toEqual(
			[]
		);
		expect(decimalPoints('licence CC-BY-4.0', new Set())).toEqual([]);
		expect(pluralAfterOne('1 Mission Locale, 0 critère, 12 mois, 1 mois, 3,1 points, 21 critères')).toEqual(
			[]
		);
		expect(ordinarySpaces('Source\u202f: «\u202fAtteint\u202f» https://x.fr')).toEqual([]);
		expect(clockDates('statut au 31 décembre 2025, données au 31 décembre 2025')).toEqual([]);
		expect(missingElision('table d’evaluations, de la table actions, de haut, de 2 ans')).toEqual([]);
		expect(lowerAcronyms('entrées en CEJ, fichier cej.csv, arml_code, /arml/corse')).toEqual([]);
		expect(missingElision('d’evaluations, l’ARML, de Haguenau, le handicap, qu’un, Sarthe un')).toEqual([]);
		expect(sameEnds('lignes 4 à 40, de 1 à 4, 14 à 4, 2,4 à 4, ligne 4')).toEqual([]);
		expect(
			capitalAfterColon(
				'Plus grand écart\u202f: Mission Locale de Bastia ; Légende\u202f: Taux ; Campagne\u202f: 2025 ; ARML\u202f: ARML Corse ; Graphique\u202f: Évolution ; à 12:30 La'
			)
		).toEqual([]);
		// What the référentiel says, quoted as written, keeps its capitals.
		expect(
			capitalAfterColon('Article 3\u202f: La présente convention', 'Article 3 : La présente convention')
		).toEqual([]);
		const axis = (...ticks: string[]) =>
			`<g font-variant="tabular-nums">${ticks.map((t) => `<text y="0">${t}</text>`).join('')}</g>`;
		expect(
			mixedTickDecimals(axis('1,0', '1,5', '2,0') + axis('0', '500', '1\u00a0000') + axis('2024', 'avr.'))
		).toEqual([]);
	});

	it('reads text and the attributes people read, without scripts and styles', () => {
		const html =
			'<p title="Note : x">Texte <b>gras</b></p><script>a ? b : c</script><style>a{b:c}</style><td>3 &amp; 4&nbsp;:</td>';
		expect(readableText(html)).toEqual(['Texte gras', '3 & 4\u00a0:', 'Note : x']);
		expect(readableText('<p>séparateur <code>;</code></p>')).toEqual(['séparateur code']);
	});
});
