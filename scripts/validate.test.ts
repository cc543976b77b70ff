import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REFERENCES = [
	'--departements',
	'tests/fixtures/reference/departements.csv',
	'--missions-locales',
	'tests/fixtures/reference/missions_locales.csv'
];

/** Runs the CLI as `npm run validate` does, from the repository's root. */
function validate(...args: string[]) {
	const run = spawnSync('npx', ['tsx', 'scripts/validate.ts', ...REFERENCES, ...args], {
		cwd: ROOT,
		encoding: 'utf8'
	});
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const data = (name: string) => `tests/fixtures/data/${name}`;

describe('npm run validate', { timeout: 180_000 }, () => {
	it('exits 0 on clean files and prints a French summary', () => {
		const { code, stdout } = validate(data('missions_locales.csv'), data('evaluations.parquet'));
		expect(stdout).toBe('Bilan : 2 fichiers, 7 lignes de données : 0 erreur, 0 avertissement.\n');
		expect(code).toBe(0);
	});

	it('exits 0 with warnings only', () => {
		expect(validate(data('date-hors-campagne.csv')).code).toBe(0);
	});

	it('exits 1 on errors, printing file:line:column: [rule] message then the counts', () => {
		const { code, stdout } = validate(data('type-invalide.csv'), data('colonnes-en-trop.csv'));
		expect(stdout.split('\n')).toEqual([
			'tests/fixtures/data/type-invalide.csv:2:niveau: [type-invalide] La valeur «\u202ftrois\u202f» de la colonne «\u202fniveau\u202f» doit être un entier de 1 à 4.',
			'tests/fixtures/data/type-invalide.csv:3:date: [type-invalide] La valeur «\u202f31/02/2024\u202f» de la colonne «\u202fdate\u202f» doit être une date existante au format 2024-03-15 ou 15/03/2024.',
			'tests/fixtures/data/colonnes-en-trop.csv:1:commentaire_libre: [colonnes-en-trop] La colonne «\u202fcommentaire_libre\u202f» ne fait pas partie de la table\u202f: elle est ignorée.',
			'Bilan : 2 fichiers, 3 lignes de données : 2 erreurs (type-invalide : 2), 1 avertissement (colonnes-en-trop : 1).',
			''
		]);
		expect(code).toBe(1);
	});

	it('prints the issues as a JSON array with --format json', () => {
		const { code, stdout, stderr } = validate('--format', 'json', data('id-inconnu.csv'));
		expect(JSON.parse(stdout)).toEqual([
			expect.objectContaining({ file: data('id-inconnu.csv'), line: 2, column: 'ml_id', rule: 'id-inconnu' }),
			expect.objectContaining({ line: 3, column: 'critere_id', rule: 'id-inconnu', severity: 'error' }),
			{
				file: data('id-inconnu.csv'),
				line: 4,
				column: 'element_id',
				rule: 'id-inconnu',
				message:
					'L’identifiant «\u202f1.1.z\u202f» de la colonne «\u202felement_id\u202f» ne correspond à aucun élément du référentiel.',
				severity: 'error'
			}
		]);
		expect(stderr).toContain('Bilan : 1 fichier');
		expect(code).toBe(1);
	});

	it('exits 2 when a file cannot be read at all', () => {
		const missing = validate(data('absent.csv'), data('evaluations.csv'));
		expect(missing.stdout).toContain(
			`${data('absent.csv')}: [fichier-illisible] Le fichier ne peut pas être lu\u202f: fichier introuvable.`
		);
		expect(missing.code).toBe(2);
		const workbook = validate('--format', 'json', data('classeur.xlsx'));
		expect(JSON.parse(workbook.stdout)[0].message).toContain('enregistrez-le au format CSV');
		expect(workbook.code).toBe(2);
	});

	it('stops at its time limit with a French message naming it, and exits 2', () => {
		const { code, stdout, stderr } = validate('--limite-temps', '0.05', data('evaluations.csv'));
		expect(stderr).toContain(
			'La validation a dépassé la limite de 0,05 s (--limite-temps) : découpez les fichiers, ou relancez avec une limite plus grande.'
		);
		expect(stdout).not.toContain('Bilan');
		expect(code).toBe(2);
		expect(validate('--limite-temps', '0', data('evaluations.csv'))).toMatchObject({ code: 2, stdout: '' });
	});
});
