import { describe, expect, it } from 'vitest';
import { sqlType, tableSpec, type TableName } from './contract';
import { RULE_CODES, RULES, expectation, message, toIssue, type Finding } from './rules';

/** An ordinary or no-break space where French typography wants a narrow one. */
const BAD_SPACING = /[ \u00a0][:;?!»]|«[^\u202f]|[^\u202f]»/;

const finding = (rule: Finding['rule'], value: string): Finding => ({
	rule,
	line: 3,
	column: 'ml_id',
	value,
	detail: rule === 'table-inconnue' ? 'evaluations, labellisation' : 'Expected Number of Columns: 4 Found: 2',
	spec: { name: 'ml_id', type: 'ml_id', required: true } as Finding['spec']
});

describe('validator messages', () => {
	it('follow French typography in every rule: narrow no-break spaces before « : ; ? ! » and inside « »', () => {
		for (const rule of RULE_CODES) {
			const text = message(finding(rule, 'ML-75-01'));
			expect(text, rule).not.toMatch(BAD_SPACING);
		}
	});

	it('quote the value exactly as the user wrote it, spaces included', () => {
		const text = message(finding('type-invalide', 'a : b ; « c »'));
		expect(text).toContain('«\u202fa : b ; « c »\u202f»');
	});
});

const column = (table: TableName, name: string) => tableSpec(table).columns.find((c) => c.name === name);

describe('each rule’s message', () => {
	// Every rule, with what the user wrote and, for a value, what the column expects (from the contract).
	const cases: [Partial<Finding> & Pick<Finding, 'rule'>, string][] = [
		[{ rule: 'fichier-illisible', detail: 'structure Parquet invalide' }, 'Le fichier ne peut pas être lu\u202f: structure Parquet invalide.'],
		[{ rule: 'fichier-vide' }, 'Le fichier ne contient aucune ligne de données.'],
		[{ rule: 'table-inconnue', value: 'ml_id, date', detail: 'evaluations, labellisation' }, 'Les colonnes (ml_id, date) ne permettent pas de choisir entre les tables evaluations, labellisation\u202f: renommez le fichier d’après sa table (par exemple «\u202fevaluations.csv\u202f»).'],
		[{ rule: 'table-inconnue', value: 'foo, bar' }, 'Les colonnes (foo, bar) ne correspondent à aucune table attendue (missions_locales, evaluations, labellisation, chiffres_cles, actions, constats).'],
		[{ rule: 'colonne-manquante', column: 'nom' }, 'La colonne obligatoire «\u202fnom\u202f» est absente de l’en-tête.'],
		[{ rule: 'colonne-en-double', column: 'nom', detail: 'Nom' }, 'La colonne «\u202fnom\u202f» est présente deux fois (aussi sous le nom «\u202fNom\u202f»)\u202f: seule la première est lue.'],
		[{ rule: 'ligne-mal-formee', value: '1;2', detail: 'Expected Number of Columns: 13 Found: 1' }, 'La ligne ne peut pas être découpée en colonnes (1 champ au lieu des 13 de l’en-tête)\u202f: «\u202f1;2\u202f».'],
		[{ rule: 'ligne-mal-formee', value: '1;2;3;4;5;6;7;8;9;10;11;12', detail: 'Expected Number of Columns: 1 Found: 12' }, 'La ligne ne peut pas être découpée en colonnes (12 champs au lieu du 1 de l’en-tête)\u202f: «\u202f1;2;3;4;5;6;7;8;9;10;11;12\u202f».'],
		[{ rule: 'ligne-mal-formee', value: '"x', detail: 'Value with unterminated quote found.' }, 'La ligne ne peut pas être découpée en colonnes (guillemet non fermé)\u202f: «\u202f"x\u202f».'],
		[{ rule: 'ligne-mal-formee', value: '"x" y', detail: 'texte après un guillemet fermant' }, 'La ligne ne peut pas être découpée en colonnes (texte après un guillemet fermant)\u202f: «\u202f"x" y\u202f».'],
		[{ rule: 'valeur-manquante', column: 'ml_id' }, 'La colonne «\u202fml_id\u202f» est obligatoire\u202f: la valeur est vide.'],
		[{ rule: 'type-invalide', column: 'niveau', value: 'trois', spec: column('evaluations', 'niveau') }, 'La valeur «\u202ftrois\u202f» de la colonne «\u202fniveau\u202f» doit être un entier de 1 à 4.'],
		[{ rule: 'hors-domaine', column: 'sites', value: '-1', spec: column('missions_locales', 'sites') }, 'La valeur «\u202f-1\u202f» de la colonne «\u202fsites\u202f» doit être un entier positif ou nul.'],
		[{ rule: 'hors-domaine', column: 'effectif_etp', value: '-1', spec: column('missions_locales', 'effectif_etp') }, 'La valeur «\u202f-1\u202f» de la colonne «\u202feffectif_etp\u202f» doit être un nombre positif ou nul (virgule ou point décimal).'],
		[{ rule: 'hors-domaine', column: 'campagne', value: '1999', spec: column('evaluations', 'campagne') }, 'La valeur «\u202f1999\u202f» de la colonne «\u202fcampagne\u202f» doit être une année de 2020 à 2100.'],
		[{ rule: 'type-invalide', column: 'date', value: '31/02/2024', spec: column('evaluations', 'date') }, 'La valeur «\u202f31/02/2024\u202f» de la colonne «\u202fdate\u202f» doit être une date existante au format 2024-03-15 ou 15/03/2024.'],
		[{ rule: 'hors-domaine', column: 'phase', value: 'controle', spec: column('evaluations', 'phase') }, 'La valeur «\u202fcontrole\u202f» de la colonne «\u202fphase\u202f» doit être l’une des valeurs auto-evaluation, audit.'],
		[{ rule: 'type-invalide', column: 'ml_id', value: 'ML 1', spec: column('evaluations', 'ml_id') }, 'La valeur «\u202fML 1\u202f» de la colonne «\u202fml_id\u202f» doit être un identifiant de 1 à 32 caractères sans espace (lettres sans accent, chiffres, «\u202f-\u202f», «\u202f_\u202f»), commençant par une lettre ou un chiffre.'],
		[{ rule: 'type-invalide', column: 'nom', value: 'x', spec: column('missions_locales', 'nom') }, 'La valeur «\u202fx\u202f» de la colonne «\u202fnom\u202f» doit être un texte.'],
		[{ rule: 'id-inconnu', column: 'ml_id', value: 'ML-9', spec: column('evaluations', 'ml_id') }, 'L’identifiant «\u202fML-9\u202f» de la colonne «\u202fml_id\u202f» ne correspond à aucune Mission Locale connue.'],
		[{ rule: 'id-inconnu', column: 'critere_id', value: '9.9', spec: column('evaluations', 'critere_id'), detail: 'écrit 9.90' }, 'L’identifiant «\u202f9.9\u202f» de la colonne «\u202fcritere_id\u202f» ne correspond à aucun critère du référentiel (écrit 9.90).'],
		[{ rule: 'id-inconnu', column: 'x', value: 'y' }, 'L’identifiant «\u202fy\u202f» de la colonne «\u202fx\u202f» ne correspond à aucune référence.'],
		[{ rule: 'element-hors-critere', column: 'element_id', value: '1.1.a', detail: '2.1' }, 'L’élément «\u202f1.1.a\u202f» n’appartient pas au critère «\u202f2.1\u202f» de la même ligne.'],
		[{ rule: 'doublon', value: '(ML-1, 2024)', detail: '2' }, 'Cette ligne répète la clé (ML-1, 2024) de la ligne 2\u202f: elle doit être unique.'],
		[{ rule: 'colonnes-en-trop', column: 'remarque' }, 'La colonne «\u202fremarque\u202f» ne fait pas partie de la table\u202f: elle est ignorée.'],
		[{ rule: 'premiers-accueils-superieurs', value: '120', detail: '100' }, 'Les premiers accueils (120) dépassent les jeunes accompagnés (100).'],
		[{ rule: 'date-hors-campagne', value: '2023-05-01', detail: '2024' }, 'La date «\u202f2023-05-01\u202f» n’est pas dans l’année de la campagne 2024.'],
		[{ rule: 'departement-complete', value: '1' }, 'Le code département «\u202f1\u202f» est lu «\u202f01\u202f».'],
[{ rule: 'lignes-remplacees', value: '1234', detail: 'evaluations-2.csv' }, '1\u202f234 lignes de ce fichier sont remplacées par des lignes de même clé du fichier «\u202fevaluations-2.csv\u202f».'],
		[{ rule: 'lignes-remplacees', value: '1', detail: 'evaluations-2.csv' }, '1 ligne de ce fichier est remplacée par une ligne de même clé du fichier «\u202fevaluations-2.csv\u202f».'],
		[{ rule: 'lignes-remplacees', value: '2', detail: 'a.csv\nb.csv\nc.csv' }, '2 lignes de ce fichier sont remplacées par des lignes de même clé des fichiers «\u202fa.csv\u202f», «\u202fb.csv\u202f» et «\u202fc.csv\u202f».'],
		[{ rule: 'controle-impossible', column: 'ml_id', detail: 'missions_locales' }, 'La colonne «\u202fml_id\u202f» n’a pas pu être vérifiée\u202f: la table de référence des Missions Locales est absente.'],
		[{ rule: 'controle-impossible', column: 'ml_id', detail: 'autre' }, 'La colonne «\u202fml_id\u202f» n’a pas pu être vérifiée\u202f: la table de référence «\u202fautre\u202f» est absente.'],
		[{ rule: 'encodage-mixte', line: 12 }, 'Le fichier mêle UTF-8 et Windows-1252 (à partir de la ligne 12)\u202f: il est lu en Windows-1252, et les accents des lignes en UTF-8 seront faux («\u202fÃ©\u202f» pour «\u202fé\u202f»). Réenregistrez-le entièrement en UTF-8.'],
		[{ rule: 'encodage-mixte', line: null }, 'Le fichier mêle UTF-8 et Windows-1252 (à partir de la ligne ?)\u202f: il est lu en Windows-1252, et les accents des lignes en UTF-8 seront faux («\u202fÃ©\u202f» pour «\u202fé\u202f»). Réenregistrez-le entièrement en UTF-8.'],
	];

	it.each(cases)('phrases %o in French', (finding, text) => {
		expect(message({ line: 3, column: null, value: null, detail: null, ...finding })).toBe(text);
	});

	it('covers every rule', () => {
		expect(new Set(cases.map(([f]) => f.rule))).toEqual(new Set(RULE_CODES));
	});

	it('gives the report an issue with the file, the place, the message and the rule’s severity', () => {
		const f: Finding = { rule: 'colonnes-en-trop', line: 1, column: 'remarque', value: null, detail: null };
		expect(toIssue('missions_locales.csv', f)).toEqual({
			file: 'missions_locales.csv',
			line: 1,
			column: 'remarque',
			rule: 'colonnes-en-trop',
			message: message(f),
			severity: 'warning'
		});
		expect(RULES['colonnes-en-trop'].severity).toBe('warning');
	});
});

describe('the contract’s typed tables', () => {
	it('type each kind of column as DuckDB stores it', () => {
		expect(['integer', 'year', 'number', 'date', 'text', 'enum', 'ml_id'].map((t) => sqlType(t as never))).toEqual([
			'INTEGER',
			'INTEGER',
			'DOUBLE',
			'DATE',
			'VARCHAR',
			'VARCHAR',
			'VARCHAR'
		]);
	});

	it('look a table up by name, and refuse an unknown one', () => {
		expect(tableSpec('labellisation').columns.map((c) => c.name)).toEqual(['ml_id', 'etape', 'date', 'commentaire']);
		expect(() => tableSpec('inconnue' as TableName)).toThrow('Unknown table inconnue');
	});
});

describe('what a column expects, in French', () => {
	const spec = (type: string, bounds: { min?: number; max?: number } = {}) =>
		({ name: 'x', type, required: false, description: '', example: '', ...bounds }) as Parameters<typeof expectation>[0];

	it('names the bounds it has: both, zero and up, a minimum, or none', () => {
		expect(expectation(spec('integer', { min: 1, max: 4 }))).toBe('un entier de 1 à 4');
		expect(expectation(spec('integer', { min: 0 }))).toBe('un entier positif ou nul');
		expect(expectation(spec('integer', { min: 3 }))).toBe('un entier supérieur ou égal à 3');
		expect(expectation(spec('integer'))).toBe('un entier');
		expect(expectation(spec('number', { min: 3 }))).toBe('un nombre supérieur ou égal à 3 (virgule ou point décimal)');
	});

	it('gives a year the bounds its column has, and no other', () => {
		expect(expectation(spec('year', { min: 2020, max: 2030 }))).toBe('une année de 2020 à 2030');
		expect(expectation(spec('year', { min: 2020 }))).toBe('une année à partir de 2020');
		expect(expectation(spec('year', { max: 2030 }))).toBe('une année jusqu’à 2030');
		expect(expectation(spec('year'))).toBe('une année');
	});

	it('asks for a valid value when the column is not known', () => {
		const f: Finding = { rule: 'hors-domaine', line: 2, column: 'x', value: 'y', detail: null };
		expect(message(f)).toBe('La valeur «\u202fy\u202f» de la colonne «\u202fx\u202f» doit être valide.');
	});
});
