import type { ClientInit } from '@sveltejs/kit';
import { renderFreshIfLinked } from '$lib/state/firstRender';

// Before SvelteKit hydrates: a link with parameters is rendered afresh in its own state rather than
// hydrated in the prerendered one (`src/lib/state/firstRender.ts`). SvelteKit's target is the
// element around `%sveltekit.body%` (app.html), the parent of its start script.
export const init: ClientInit = () => {
	renderFreshIfLinked(document.querySelector('body > div[style="display: contents"]'));
};
