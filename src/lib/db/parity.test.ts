import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../model/filters';
import { domainQuery } from './queries/domain';
import { heatmapQuery, type HeatmapOptions } from './queries/heatmap';
import { fixtureDatabase } from './testing/fixture';
import { SMALL_NETWORK } from './testing/network';
import type { Database, Query } from './types';
import { openWasmNodeDatabase } from './wasmNode';

// The same query builders on the browser's engine (DuckDB-WASM, run in Node) and on
// @duckdb/node-api: same DuckDB version, so the rows must be equal.
let node: Database;
let wasm: Database;

beforeAll(async () => {
	node = await fixtureDatabase(SMALL_NETWORK);
	wasm = await fixtureDatabase(SMALL_NETWORK, openWasmNodeDatabase);
}, 60_000);

afterAll(async () => {
	await node.close();
	await wasm.close();
});

const base: HeatmapOptions = { ...DEFAULT_FILTERS, campaign: 2024, threshold: 3, today: '2025-06-30' };
const queries: [string, Query][] = [
	['domain', domainQuery()],
	['heatmap by ARML × criterion', heatmapQuery(base)],
	[
		'heatmap by region × chapter, both phases',
		heatmapQuery({ ...base, rows: 'region', columns: 'chapter', phase: 'both' })
	],
	[
		'heatmap by ML × section, latest campaign',
		heatmapQuery({ ...base, rows: 'ml', columns: 'section', campaign: 'latest' })
	],
	[
		'heatmap of elements, one status',
		heatmapQuery({ ...base, columns: 'element', criterion: '1.1', status: 'non-labellisee' })
	],
	['heatmap with all 24 criteria', heatmapQuery({ ...base, campaign: 2023 })]
];

describe('engine parity', () => {
	it('runs the same DuckDB version on both engines', async () => {
		const version = (db: Database) => db.query<{ v: string }>({ sql: 'SELECT version() AS v', params: [] });
		expect(await version(wasm)).toEqual(await version(node));
	});

	it.each(queries)('returns equal plain rows for %s', async (_name, query) => {
		const [a, b] = [await node.query(query), await wasm.query(query)];
		expect(a.length).toBeGreaterThan(0);
		expect(b).toEqual(a);
		for (const row of a) for (const value of Object.values(row)) expect(typeof value).not.toBe('bigint');
	});
});
