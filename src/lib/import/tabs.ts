/**
 * Tabs of the observatory tell each other when the dataset kept in this browser changes (an
 * import, an undo, an erase): a tab showing an older dataset then says so, and never overwrites
 * the newer one silently (`store.ts` checks the kept dataset's stamp before writing).
 * BroadcastChannel where the browser has it, else the `storage` event of a localStorage key.
 */
const CHANNEL = 'observatoire:donnees';
const KEY = 'observatoire:donnees:change';

let channel: BroadcastChannel | null | undefined;
function open(): BroadcastChannel | null {
	if (channel === undefined)
		channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
	return channel;
}

/** Tells the other tabs that the kept dataset changed. */
export function announceChange(): void {
	try {
		const ch = open();
		if (ch) ch.postMessage({ type: 'changed', at: Date.now() });
		else localStorage.setItem(KEY, String(Date.now()));
	} catch {
		// No channel and no storage: the stamp check at the next write still guards the data.
	}
}

/** Calls `listener` when another tab changed the kept dataset; returns how to stop listening. */
export function onOtherTabChange(listener: () => void): () => void {
	if (typeof window === 'undefined') return () => {};
	const ch = open();
	const onMessage = () => listener();
	const onStorage = (event: StorageEvent) => {
		if (event.key === KEY) listener();
	};
	ch?.addEventListener('message', onMessage);
	window.addEventListener('storage', onStorage);
	return () => {
		ch?.removeEventListener('message', onMessage);
		window.removeEventListener('storage', onStorage);
	};
}
