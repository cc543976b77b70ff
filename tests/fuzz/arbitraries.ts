/**
 * fast-check generators for the readers' and the validator's fuzz tests: near-valid files (a
 * contract table's header, cells mostly of the right kind, then mutated: delimiters, quotes, line
 * breaks, BOMs, encodings) as well as plain noise, and garbled Parquet bytes.
 */
import fc from 'fast-check';
import { TABLES, type ColumnSpec, type TableSpec } from '../../src/lib/data/contract';
import { CRITERIA, DEPARTEMENTS, ELEMENTS, NETWORK_ML_IDS } from '../fixtures/references';

/** How many runs a property gets: `FUZZ_RUNS` scales them all (e.g. 10 for a long hunt). */
export const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.FUZZ_RUNS ?? 1)));

/**
 * The seed of this run. `npm test` runs a fixed one, so that the suite never passes on one run and
 * fails on the next (no flaky test). `FUZZ_SEED=random` explores new inputs, with the seed logged;
 * `FUZZ_SEED=<seed>` (with the same `FUZZ_RUNS`) replays any run, fast-check printing the seed and
 * path of a failure.
 */
export const SEED =
	process.env.FUZZ_SEED === 'random'
		? Date.now() ^ (Math.random() * 2 ** 31)
		: Number(process.env.FUZZ_SEED ?? 20261203);

/** Characters that trouble a CSV reader, and a few ordinary ones. */
const TRICKY = [
	'"',
	',',
	';',
	'\n',
	'\r',
	'\r\n',
	'\t',
	' ',
	'\u0000',
	'é',
	'ç',
	'’',
	'€',
	'«',
	'\ufeff',
	'=',
	'-',
	'\\',
	"'"
];
const trickyChar = fc.constantFrom(...TRICKY);
/** Text with many tricky characters, of any length up to a few dozen. */
export const trickyText = fc
	.array(
		fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 4 }) }, { weight: 2, arbitrary: trickyChar }),
		{
			maxLength: 12
		}
	)
	.map((parts) => parts.join(''));

/** A cell that is right for its column most of the time, wrong in many ways otherwise. */
function cell(spec: ColumnSpec): fc.Arbitrary<string> {
	const right: fc.Arbitrary<string>[] = [fc.constant(spec.example)];
	if (spec.values) right.push(fc.constantFrom(...spec.values));
	if (spec.type === 'integer' || spec.type === 'number' || spec.type === 'year')
		right.push(fc.integer({ min: spec.min ?? -5, max: spec.max ?? 3000 }).map(String));
	if (spec.type === 'number')
		right.push(fc.double({ min: -10, max: 1e6, noNaN: true }).map((x) => String(x).replace('.', ',')));
	if (spec.type === 'ml_id') right.push(fc.constantFrom(...NETWORK_ML_IDS, 'ML-IMP-01', 'ml-inconnue'));
	if (spec.type === 'criterion') right.push(fc.constantFrom(...CRITERIA, '9.9'));
	if (spec.type === 'element') right.push(fc.constantFrom(...ELEMENTS.map((e) => e[0]), ''));
	if (spec.type === 'departement')
		right.push(fc.constantFrom(...DEPARTEMENTS.map((d) => d[0]), '1', '2a', '99'));
	if (spec.type === 'date')
		right.push(fc.constantFrom('2024-03-15', '15/03/2024', '31/02/2024', '2024-13-01', '1/1/24'));
	return fc.oneof(
		{ weight: 6, arbitrary: fc.oneof(...right) },
		{ weight: 1, arbitrary: fc.constant('') },
		{
			weight: 1,
			arbitrary: fc.constantFrom('NULL', 'NaN', '-0', '1e309', '  3  ', '١٢', '0x10', '9'.repeat(40))
		},
		{ weight: 2, arbitrary: trickyText }
	);
}

/** Rows of a table, as cells, header first (its columns in any order, some dropped or doubled). */
export function tableRows(table: TableSpec): fc.Arbitrary<string[][]> {
	const columns = table.columns;
	return fc
		.record({
			order: fc.shuffledSubarray(
				columns.map((c) => c),
				{ minLength: Math.max(1, columns.length - 2) }
			),
			extra: fc.array(
				fc.oneof(fc.constantFrom('', 'remarque', 'ml_id', 'Département_code', 'NIVEAU'), trickyText),
				{
					maxLength: 2
				}
			)
		})
		.chain(({ order, extra }) => {
			const header = [...order.map((c) => c.name), ...extra];
			const row = fc.tuple(...order.map(cell), ...extra.map(() => trickyText));
			return fc.array(row, { maxLength: 25 }).map((rows) => [header, ...rows]);
		});
}

export type CsvStyle = {
	delimiter: ',' | ';';
	quoteAll: boolean;
	newline: '\n' | '\r\n' | '\r';
	finalNewline: boolean;
	bom: boolean;
};

const style: fc.Arbitrary<CsvStyle> = fc.record({
	delimiter: fc.constantFrom(',' as const, ';' as const),
	quoteAll: fc.boolean(),
	newline: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
	finalNewline: fc.boolean(),
	bom: fc.boolean()
});

/** Writes cells as a CSV, quoting a cell when it must be (or always). */
export function writeCsv(rows: string[][], s: CsvStyle): string {
	const quote = (c: string) =>
		s.quoteAll || /["\r\n]/.test(c) || c.includes(s.delimiter) ? `"${c.replaceAll('"', '""')}"` : c;
	const text = rows.map((r) => r.map(quote).join(s.delimiter)).join(s.newline);
	return (s.bom ? '\ufeff' : '') + text + (s.finalNewline ? s.newline : '');
}

/** One change to a CSV's text: a tricky character inserted, a slice deleted, a line doubled, a cut. */
const mutation = fc.oneof(
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.oneof(trickyChar, trickyText) }),
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
	fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('double' as const), at: fc.nat() })
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
	if (text.length === 0) return m.kind === 'insert' ? m.what : text;
	const at = m.at % (text.length + 1);
	switch (m.kind) {
		case 'insert':
			return text.slice(0, at) + m.what + text.slice(at);
		case 'delete':
			return text.slice(0, at) + text.slice(at + m.length);
		case 'cut':
			return text.slice(0, at);
		case 'double': {
			const start = text.lastIndexOf('\n', at - 1) + 1;
			const end = text.indexOf('\n', at);
			const line = text.slice(start, end === -1 ? text.length : end + 1);
			return text.slice(0, start) + line + text.slice(start);
		}
	}
}

export type Encoded = 'utf-8' | 'windows-1252' | 'mixed' | 'utf-16le';

/** Encodes text: UTF-8, Windows-1252 (what it cannot hold becomes « ? »), or both line by line, or UTF-16. */
export function encode(text: string, encoding: Encoded): Uint8Array {
	const utf8 = (t: string) => new TextEncoder().encode(t);
	const cp1252 = (t: string) =>
		Uint8Array.from([...t], (c) => {
			const code = c.charCodeAt(0);
			if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
			return (
				(
					{ '€': 0x80, œ: 0x9c, Œ: 0x8c, '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '…': 0x85 } as Record<
						string,
						number
					>
				)[c] ?? 0x3f
			);
		});
	if (encoding === 'utf-8') return utf8(text);
	if (encoding === 'windows-1252') return cp1252(text);
	if (encoding === 'utf-16le') {
		const out = new Uint8Array(2 + text.length * 2);
		out.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++)
			out.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + 2 * i);
		return out;
	}
	const lines = text.split(/(?<=\n)/);
	const parts = lines.map((l, i) => (i % 2 ? cp1252(l) : utf8(l)));
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const p of parts) {
		out.set(p, offset);
		offset += p.length;
	}
	return out;
}

/** A near-valid CSV of some contract table: its name, text and bytes. */
export type FuzzCsv = { name: string; table: string; text: string; bytes: Uint8Array };

export const nearValidCsv: fc.Arbitrary<FuzzCsv> = fc
	.constantFrom(...TABLES)
	.chain((table) =>
		fc.record({
			table: fc.constant(table.name),
			rows: tableRows(table),
			style,
			mutations: fc.array(mutation, { maxLength: 3 }),
			encoding: fc.constantFrom<Encoded>('utf-8', 'utf-8', 'utf-8', 'windows-1252', 'mixed', 'utf-16le'),
			named: fc.boolean()
		})
	)
	.map(({ table, rows, style: s, mutations, encoding, named }) => {
		const text = mutations.reduce(mutate, writeCsv(rows, s));
		return { name: named ? `${table}.csv` : 'export.csv', table, text, bytes: encode(text, encoding) };
	});

/** Any bytes: short noise, or noise behind a magic number the readers look at. */
export const noiseBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
	fc.uint8Array({ maxLength: 300 }),
	fc
		.tuple(
			fc.constantFrom(
				[0x50, 0x41, 0x52, 0x31],
				[0x50, 0x4b, 0x03, 0x04],
				[0xd0, 0xcf, 0x11, 0xe0],
				[0xff, 0xfe],
				[0xef, 0xbb, 0xbf],
				[]
			),
			fc.uint8Array({ maxLength: 300 }),
			fc.boolean()
		)
		.map(([magic, body, parquetEnd]) =>
			Uint8Array.from([...magic, ...body, ...(parquetEnd ? [0x50, 0x41, 0x52, 0x31] : [])])
		)
);

/** A change to a valid Parquet file's bytes: cut, bytes overwritten, a slice removed. */
export const parquetDamage = fc.oneof(
	fc.record({ kind: fc.constant('cut' as const), keep: fc.double({ min: 0, max: 1, noNaN: true }) }),
	fc.record({
		kind: fc.constant('flip' as const),
		at: fc.array(
			fc.tuple(
				fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
				fc.integer({ min: 0, max: 255 })
			),
			{
				minLength: 1,
				maxLength: 8
			}
		)
	}),
	fc.record({
		kind: fc.constant('splice' as const),
		from: fc.double({ min: 0, max: 1, noNaN: true }),
		length: fc.integer({ min: 1, max: 64 }),
		keepEnd: fc.boolean()
	})
);
export type ParquetDamage = typeof parquetDamage extends fc.Arbitrary<infer D> ? D : never;

/** Damages Parquet bytes; `keepEnd` puts the « PAR1 » trailer back, so that the file still looks whole. */
export function damage(bytes: Uint8Array, d: ParquetDamage): Uint8Array {
	const n = bytes.length;
	if (d.kind === 'cut') return bytes.slice(0, Math.floor(d.keep * n));
	if (d.kind === 'flip') {
		const out = bytes.slice();
		for (const [where, value] of d.at) out[Math.floor(where * n)] = value;
		return out;
	}
	const from = Math.floor(d.from * n);
	const out = Uint8Array.from([...bytes.slice(0, from), ...bytes.slice(from + d.length)]);
	return d.keepEnd && out.length >= 8 ? Uint8Array.from([...out.slice(0, -4), 0x50, 0x41, 0x52, 0x31]) : out;
}
