import type { ArmlSummary } from '$lib/model/rows';
import { isoToday } from '$lib/db/queries/common';
import type { DomainRow } from '$lib/model/rows';
import { prerenderRows } from '$lib/server/prerender';
import type { PageServerLoad } from './$types';
import { DEFAULT_VIEW, domainSpec, indexSpec } from './armlSpecs';

export const prerender = true;

// The default index is computed on the demo data at build time; DuckDB-WASM takes over for filters.
export const load: PageServerLoad = async () => {
	const today = isoToday();
	return {
		build: {
			today,
			domain: await prerenderRows<DomainRow>(domainSpec()),
			index: await prerenderRows<ArmlSummary>(indexSpec(DEFAULT_VIEW, today))
		}
	};
};
