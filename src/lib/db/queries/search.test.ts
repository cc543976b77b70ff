import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDatabase } from '../testing/fixture';
import type { Database } from '../types';
import { REGIONAL_NETWORK } from './regional.fixture';
import { normalizeSearch } from '../../model/search';
import { containsPattern, mlSearchQuery, type MlMatch } from './search';

let db: Database;

beforeAll(async () => {
	db = await fixtureDatabase(REGIONAL_NETWORK);
});

afterAll(() => db.close());

const ids = async (term: string, limit?: number) =>
	(await db.query<MlMatch>(mlSearchQuery(term, limit))).map((r) => r.ml_id);

describe('ML search', () => {
	it('ignores accents and case: "epinal" finds Épinal', async () => {
		expect(await ids('epinal')).toEqual(['E1']);
		expect(await ids('  ÉPINAL ')).toEqual(['E1']);
		expect(await ids('d’épinal')).toEqual(['E1']);
		expect(await ids("D'Epinal")).toEqual(['E1']);
	});

	it('matches the commune, and every word somewhere in name, commune or id', async () => {
		expect(await ids('quimper')).toEqual(['C1']);
		expect(await ids('cornouaille quimper')).toEqual(['C1']);
		expect(await ids('pays quimperlé')).toEqual([]);
		expect(await ids('b2')).toEqual(['B2']);
	});

	it('takes % and _ literally', async () => {
		expect(await ids('%')).toEqual([]);
		expect(await ids('_')).toEqual([]);
		expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
	});

	it('returns at most the limit, with the count of every match', async () => {
		const rows = await db.query<MlMatch>(mlSearchQuery('mission', 3));
		expect(rows.map((r) => r.ml_id)).toEqual(['A1', 'A2', 'A3']);
		expect(rows[0]).toMatchObject({ total: 7, arml_nom: 'ARML Bretagne', departement_code: '29' });
	});

	it('returns nothing for an empty search', async () => {
		expect(await ids('   ')).toEqual([]);
	});

	it('normalises like the SQL side', () => {
		expect(normalizeSearch('  Saint-Étienne  du   Rouvray ')).toBe('saint etienne du rouvray');
		expect(normalizeSearch('L’Haÿ-les-Roses')).toBe("l'hay les roses");
	});
});
