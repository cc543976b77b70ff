import { browser } from '$app/environment';
import { onOtherTabChange } from './tabs';

/**
 * Whether another tab changed the dataset kept in this browser since this page loaded it. Every
 * page says so (`DataNotices.svelte`) and offers to reload; the import, the undo and the erase
 * refuse to write over the newer dataset meanwhile (`store.ts` compares stamps).
 */
class OtherTab {
	changed = $state(false);

	constructor() {
		if (browser) onOtherTabChange(() => (this.changed = true));
	}
}

export const otherTab = new OtherTab();
