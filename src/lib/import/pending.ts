/**
 * Files dropped or picked on another page, handed over to the « Données » page, which validates
 * them. A plain module, tiny on purpose: every page's drop zone imports it.
 */
let pending: File[] = [];

/** Hands files over to the « Données » page. */
export function handOver(files: File[]): void {
	pending = files;
}

/** Takes the files handed over, if any. */
export function takeOver(): File[] {
	const files = pending;
	pending = [];
	return files;
}
