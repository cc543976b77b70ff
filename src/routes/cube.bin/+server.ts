import { encodeCube } from '$lib/cube/codec';
import { demoCube } from '$lib/server/cube';
import type { RequestHandler } from './$types';

export const prerender = true;

/** The demo's cube as a static file: computed at build time, fetched by every page. */
export const GET: RequestHandler = async () =>
	new Response((await encodeCube(await demoCube())) as BodyInit, {
		headers: { 'content-type': 'application/octet-stream' }
	});
