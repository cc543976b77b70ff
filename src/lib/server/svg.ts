import { parseHTML } from 'linkedom';

/** A DOM document for drawing Plot charts at build time. */
export function buildDocument(): Document {
	return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}
