import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// The one inline script SvelteKit does not hash itself: app.html's, read here so that its hash
// can never drift from its text.
const appHtml = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
const appScriptHashes = [...appHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
	([, body]) => /** @type {const} */ (`sha256-${createHash('sha256').update(body).digest('base64')}`)
);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// The pages' CSS (27 KB in all, each file under 6 KB) is written into each page's <head>
		// instead of linked: a linked stylesheet held back app.html's inline script, and with it the
		// parsing of the page's body and the cube's preload, until every stylesheet had arrived
		// (issue 12, a cold shared link: 10 stylesheets, the body parsed from 346 ms instead of 213).
		inlineStyleThreshold: 10_000,
		// Content-Security-Policy, as a <meta> tag in every prerendered page (README: « En-têtes du
		// serveur » gives the matching headers). 'wasm-unsafe-eval' compiles DuckDB-WASM and
		// parquet-wasm; blob: images draw the PNG export; 'unsafe-inline' styles are for Plot's
		// <style> and style attributes inside its SVG (README explains why that is accepted).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval', ...appScriptHashes],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
