/**
 * The cube's file format: a JSON header (plain values, and where each typed column sits) followed
 * by the columns' bytes, aligned, the whole gzip-compressed. Same code in Node (build time) and in
 * the browser (import time, reading), with the platform's CompressionStream.
 */
import type { Cube } from './types';

// The version of the format: a cube kept by an older version (without the plans, say) is not
// read back, the engine computes it again.
const MAGIC = 'OLMC2';

type TypedArray =
	Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

const KINDS = {
	Int8Array,
	Uint8Array,
	Int16Array,
	Uint16Array,
	Int32Array,
	Uint32Array,
	Float32Array,
	Float64Array
} as const;
type Kind = keyof typeof KINDS;

type Slot = { $typed: Kind; offset: number; length: number };

function isTyped(value: unknown): value is TypedArray {
	return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

async function through(
	bytes: Uint8Array,
	stream: CompressionStream | DecompressionStream
): Promise<Uint8Array> {
	const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Writes a cube as compressed bytes. */
export async function encodeCube(cube: Cube): Promise<Uint8Array> {
	const columns: TypedArray[] = [];
	let offset = 0;
	const header = JSON.stringify(cube, (_key, value) => {
		if (!isTyped(value)) return value;
		offset = Math.ceil(offset / 8) * 8;
		const slot: Slot = { $typed: value.constructor.name as Kind, offset, length: value.length };
		columns.push(value);
		offset += value.byteLength;
		return slot;
	});
	const head = new TextEncoder().encode(`${MAGIC}${header}`);
	const start = Math.ceil((4 + head.length) / 8) * 8;
	const bytes = new Uint8Array(start + offset);
	new DataView(bytes.buffer).setUint32(0, head.length, true);
	bytes.set(head, 4);
	let at = 0;
	for (const column of columns) {
		at = Math.ceil(at / 8) * 8;
		bytes.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), start + at);
		at += column.byteLength;
	}
	return through(bytes, new CompressionStream('gzip'));
}

/** Reads a cube written by `encodeCube`; throws on anything else. */
export async function decodeCube(compressed: Uint8Array): Promise<Cube> {
	const bytes = await through(compressed, new DecompressionStream('gzip'));
	const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
	const text = new TextDecoder().decode(bytes.subarray(4, 4 + length));
	if (!text.startsWith(MAGIC)) throw new Error('Fichier de cube illisible.');
	const start = bytes.byteOffset + Math.ceil((4 + length) / 8) * 8;
	return JSON.parse(text.slice(MAGIC.length), (_key, value) => {
		if (value && typeof value === 'object' && '$typed' in value) {
			const slot = value as Slot;
			return new KINDS[slot.$typed](bytes.buffer as ArrayBuffer, start + slot.offset, slot.length);
		}
		return value;
	}) as Cube;
}
