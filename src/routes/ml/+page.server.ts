import { isoToday } from '$lib/db/queries/common';
import type { DomainRow } from '$lib/model/rows';
import { prerenderRows } from '$lib/server/prerender';
import type { PageServerLoad } from './$types';
import { domainSpec } from '../arml/armlSpecs';

export const prerender = true;

// The profile depends on `?id=…`, which only the browser can read: the page is prerendered empty,
// with the filters' choices ready.
export const load: PageServerLoad = async () => ({
	build: { today: isoToday(), domain: await prerenderRows<DomainRow>(domainSpec()) }
});
