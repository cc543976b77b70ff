import { describe, expect, it, vi } from 'vitest';
import { LIMITS } from './limits';
import { scanCsv, type Scan } from './scan';

// Under mutation testing (`MUTATION_RUN`), the line length limit is lowered to 5 000 characters: the
// tests below are written in terms of `LIMITS.lineChars`, and a mutant of the character loop took
// seconds to go through a 1 MB line instrumented (5 mutants a minute). The limit's own value is
// `limits.test.ts`'s concern.
vi.mock('./limits', async (original) => {
	const actual = await original<typeof import('./limits')>();
	return process.env.MUTATION_RUN ? { ...actual, LIMITS: { ...actual.LIMITS, lineChars: 5_000 } } : actual;
});

// The record scan on its own, without DuckDB: what `readers.test.ts` checks through the whole import
// (and `readers.fuzz.test.ts` against DuckDB's reader), record by record, in milliseconds.
const clean = (text: string, kept: number, more: Partial<Scan> = {}): Scan => ({
	kept,
	blank: [],
	bad: [],
	text,
	newLine: '\n',
	physicalLines: kept + 1,
	header: { fields: 2, problem: null },
	...more
});
const fate = (line: number) => `seule la ligne ${line} est écartée, la lecture reprend à la suivante`;

describe('scanCsv on well-formed records', () => {
	it('keeps every record of a clean file, the last one with or without its line break', () => {
		expect(scanCsv('a;b\n1;2\n3;4\n', ';', 2)).toEqual(clean('a;b\n1;2\n3;4\n', 2));
		expect(scanCsv('a;b\n1;2', ';', 2)).toEqual(clean('a;b\n1;2', 1));
	});

	it('counts a quoted cell’s delimiters and line breaks as its own, and "" as a quote', () => {
		expect(scanCsv('a;b\n"1;x";2\n', ';', 2)).toEqual(clean('a;b\n"1;x";2\n', 1));
		expect(scanCsv('a;b\n"a""b";2\n', ';', 2)).toEqual(clean('a;b\n"a""b";2\n', 1));
		// One record over two physical lines: line numbers count records, physical lines are counted apart.
		expect(scanCsv('a;b\n"x\ny";2\n3;4\n', ';', 2)).toEqual(clean('a;b\n"x\ny";2\n3;4\n', 2, { physicalLines: 4 }));
	});

	it('lets spaces come before an opening quote and after a closing one, not a tab after it', () => {
		expect(scanCsv('a;b\n  "x";2\n', ';', 2)).toEqual(clean('a;b\n  "x";2\n', 1));
		expect(scanCsv('a;b\n"x" ;2\n', ';', 2)).toEqual(clean('a;b\n"x" ;2\n', 1));
		// A tab before a quote makes the quote plain text, as DuckDB reads it.
		expect(scanCsv('a;b\n\t"x";2\n', ';', 2)).toEqual(clean('a;b\n\t"x";2\n', 1));
		expect(scanCsv('a;b\n"x"\t;2\n', ';', 2).bad).toEqual([
			{ line: 2, text: '"x"\t;2', reason: 'texte après un guillemet fermant' }
		]);
	});

	it('lists blank records by line, keeps a record of empty cells, and a lone space is one field', () => {
		expect(scanCsv('a;b\n1;2\n\n3;4\n', ';', 2)).toEqual(clean('a;b\n1;2\n\n3;4\n', 2, { blank: [3], physicalLines: 4 }));
		expect(scanCsv('a;b\n;\n', ';', 2)).toEqual(clean('a;b\n;\n', 1));
		expect(scanCsv('a;b\n \n', ';', 2).bad).toEqual([{ line: 2, text: ' ', reason: '1 champ au lieu des 2 de l’en-tête' }]);
	});
});

describe('scanCsv on bad records', () => {
	it('refuses a record with too many or too few fields, in French singular or plural', () => {
		expect(scanCsv('a;b\n1;2;3\n4;5\n', ';', 2)).toEqual(
			clean('a;b\n4;5\n', 1, {
				bad: [{ line: 2, text: '1;2;3', reason: '3 champs au lieu des 2 de l’en-tête' }],
				physicalLines: 3
			})
		);
		expect(scanCsv('a;b;c\n1;2\n', ';', 3).bad[0].reason).toBe('2 champs au lieu des 3 de l’en-tête');
		expect(scanCsv('a\n1;2\n', ';', 1).bad[0].reason).toBe('2 champs au lieu du 1 de l’en-tête');
	});

	it('does not count the fields of plain lines when asked not to, but still of lines it must read', () => {
		expect(scanCsv('a;b\n1;2;3\n', ';', 2, false)).toEqual(clean('a;b\n1;2;3\n', 1));
		expect(scanCsv('a;b\n1;2;3\n"q";4;5\n', ';', 2, false)).toEqual(
			clean('a;b\n1;2;3\n', 1, {
				bad: [{ line: 3, text: '"q";4;5', reason: '3 champs au lieu des 2 de l’en-tête' }],
				physicalLines: 3
			})
		);
	});

	it('refuses text after a closing quote and a NUL byte, shown as a space', () => {
		expect(scanCsv('a;b\n"x" y;2\n3;4\n', ';', 2)).toEqual(
			clean('a;b\n3;4\n', 1, {
				bad: [{ line: 2, text: '"x" y;2', reason: 'texte après un guillemet fermant' }],
				physicalLines: 3
			})
		);
		expect(scanCsv('a;b\n1\u00002;3\n4;5\n', ';', 2).bad).toEqual([
			{ line: 2, text: '1 2;3', reason: 'octet nul (caractère 0) dans la ligne' }
		]);
	});

	it('leaves out only the line of a quote never closed, naming the lines it would swallow', () => {
		const reason = `guillemet ouvert ligne 2 et jamais fermé : lignes 2 à 4 ; ${fate(2)}`;
		expect(scanCsv('a;b\n"x;2\n3;4\n5;6\n', ';', 2)).toEqual(
			clean('a;b\n3;4\n5;6\n', 2, { bad: [{ line: 2, text: '"x;2', reason }], physicalLines: 4 })
		);
		// A last line without a line break is still a line; a final line break starts none.
		expect(scanCsv('a;b\n"x;2\n3;4\n5;6', ';', 2).bad[0].reason).toBe(reason);
		expect(scanCsv('a;b\n"x;2\r\n3;4\r\n', ';', 2).bad[0].reason).toBe(
			`guillemet ouvert ligne 2 et jamais fermé : lignes 2 à 3 ; ${fate(2)}`
		);
		// On the last line, the quote swallows that line only: « ligne 4 », not « lignes 4 à 4 ».
		expect(scanCsv('a;b\n1;2\n3;4\n"x;6\n', ';', 2).bad[0].reason).toBe(
			`guillemet ouvert ligne 4 et jamais fermé : ligne 4 ; ${fate(4)}`
		);
	});

	it('refuses a line over the limit, shown cut, and a quote closed only beyond it', () => {
		const long = 'x'.repeat(LIMITS.lineChars + 1);
		const over = `ligne de plus de ${LIMITS.lineChars.toLocaleString('fr-FR')} caractères`;
		expect(scanCsv(`a;b\n${long};2\n3;4\n`, ';', 2)).toEqual(
			clean('a;b\n3;4\n', 1, { bad: [{ line: 2, text: long.slice(0, 1000), reason: over }], physicalLines: 3 })
		);
		// A line of exactly the limit passes; one character more does not.
		const under = 'x'.repeat(LIMITS.lineChars - 2);
		expect(scanCsv(`a;b\n${under};2\n`, ';', 2).bad).toEqual([]);
		expect(scanCsv(`a;b\n${under}x;2\n3;4\n`, ';', 2).bad.map((b) => b.reason)).toEqual([over]);
		// A quoted cell over the limit within one line is a long line; over several, an open quote.
		expect(scanCsv(`a;b\n"${long}";2\n3;4\n`, ';', 2).bad.map((b) => b.reason)).toEqual([over]);
		const quoted = scanCsv(`a;b\n"x\n${long}";2\n3;4\n`, ';', 2);
		expect(quoted.bad.map((b) => [b.line, b.reason])).toEqual([
			[2, `guillemet ouvert ligne 2 et fermé seulement ligne 3 (plus de ${LIMITS.lineChars.toLocaleString('fr-FR')} caractères) : ${fate(2)}`],
			[3, over]
		]);
		expect(quoted.text).toBe('a;b\n3;4\n');
	});

	it('reads nothing after a header it cannot read, and says why', () => {
		const header = (text: string) => scanCsv(text, ';', 2);
		expect(header('"a;b\n1;2\n')).toMatchObject({
			kept: 0,
			physicalLines: 3,
			header: { fields: 1, problem: 'guillemet ouvert et jamais fermé' }
		});
		expect(header('a\u0000;b\n1;2\n')).toMatchObject({
			kept: 0,
			header: { fields: 1, problem: 'octet nul (caractère 0) dans la ligne' }
		});
		expect(header('"a" x;b\n1;2\n').header).toEqual({ fields: 1, problem: 'texte après un guillemet fermant' });
	});
});

describe('scanCsv on line breaks', () => {
	it('tells DuckDB the file’s own line break when it uses one kind', () => {
		expect(scanCsv('a;b\r1;2\r3;4\r', ';', 2)).toEqual(clean('a;b\r1;2\r3;4\r', 2, { newLine: '\r' }));
		expect(scanCsv('a;b\r\n1;2\r\n', ';', 2)).toEqual(clean('a;b\r\n1;2\r\n', 1, { newLine: '\r\n' }));
	});

	it('makes mixed breaks between records LF, keeping those inside quoted cells as written', () => {
		expect(scanCsv('a;b\r\n1;2\n3;4\r5;6\r\n', ';', 2)).toEqual(clean('a;b\n1;2\n3;4\n5;6\n', 3));
		expect(scanCsv('a;b\r\n"x\ry";2\n3;4\r\n', ';', 2)).toEqual(
			clean('a;b\n"x\ry";2\n3;4\n', 2, { physicalLines: 4 })
		);
		expect(scanCsv('a;b\n1;2\n\r\n3;4\r\n', ';', 2)).toEqual(
			clean('a;b\n1;2\n\n3;4\n', 2, { blank: [3], physicalLines: 4 })
		);
	});
});

describe('scanCsv on records read character by character (a quote, a CR or a NUL in the line)', () => {
	it('opens a quote at the start of any field, spaces before it aside, never in the middle of one', () => {
		expect(scanCsv('a;b\n1;"x;y"\n', ';', 2)).toEqual(clean('a;b\n1;"x;y"\n', 1));
		expect(scanCsv('a;b\n  "x;y";2\n', ';', 2)).toEqual(clean('a;b\n  "x;y";2\n', 1));
		// A quote after text is a plain character: it opens nothing that would need closing.
		expect(scanCsv('a;b\n1;x"y\n', ';', 2)).toEqual(clean('a;b\n1;x"y\n', 1));
		// The last record may end on its closing quote, without a line break.
		expect(scanCsv('a;b\n1;"y"', ';', 2)).toEqual(clean('a;b\n1;"y"', 1));
	});

	it('takes an empty quoted cell or a lone space for a record, and only a line with nothing for a blank one', () => {
		const one = { header: { fields: 1, problem: null } };
		expect(scanCsv('a\n""\n', ';', 1)).toEqual(clean('a\n""\n', 1, one));
		// With CR breaks every line is read character by character.
		expect(scanCsv('a\r \r1\r', ';', 1)).toEqual(clean('a\r \r1\r', 2, { ...one, newLine: '\r' }));
		expect(scanCsv('a;b\r\r1;2\r', ';', 2)).toEqual(clean('a;b\r\r1;2\r', 1, { blank: [2], newLine: '\r', physicalLines: 3 }));
	});

	it('accepts a quoted record of exactly the limit and refuses one character more', () => {
		// A bug this found: such a record of exactly the limit was refused as « de plus de » the limit,
		// where an unquoted one passed.
		const cell = (n: number) => `"${'x'.repeat(n - 4)}";2`;
		expect(cell(LIMITS.lineChars)).toHaveLength(LIMITS.lineChars);
		expect(scanCsv(`a;b\n${cell(LIMITS.lineChars)}\n3;4\n`, ';', 2).bad).toEqual([]);
		expect(scanCsv(`a;b\r\n${cell(LIMITS.lineChars)}\r\n3;4\r\n`, ';', 2).bad).toEqual([]);
		expect(scanCsv(`a;b\n${cell(LIMITS.lineChars + 1)}\n3;4\n`, ';', 2).bad.map((b) => b.reason)).toEqual([
			`ligne de plus de ${LIMITS.lineChars.toLocaleString('fr-FR')} caractères`
		]);
	});

	it('names the lines a quote open past the limit would swallow, whatever the line breaks', () => {
		const long = 'x'.repeat(LIMITS.lineChars + 1);
		const reasons = (text: string) => scanCsv(text, ';', 2).bad.map((b) => [b.line, b.reason]);
		const never = (last: number) =>
			`guillemet ouvert ligne 2 et jamais fermé : ${last === 2 ? 'ligne 2' : `lignes 2 à ${last}`} ; seule la ligne 2 est écartée, la lecture reprend à la suivante`;
		for (const br of ['\n', '\r', '\r\n'])
			expect(reasons(`a;b${br}"${long}${br}3;4${br}5;6${br}`)).toEqual([[2, never(4)]]);
		expect(reasons('a;b\n"x;2')).toEqual([[2, never(2)]]);
		expect(reasons(`a;b\n"${long}\nz";2\n3;4\n`)).toEqual([
			[
				2,
				`guillemet ouvert ligne 2 et fermé seulement ligne 3 (plus de ${LIMITS.lineChars.toLocaleString('fr-FR')} caractères) : seule la ligne 2 est écartée, la lecture reprend à la suivante`
			]
		]);
	});

	it('reads on after a bad record at the next physical line, whatever its break, blank lines kept', () => {
		expect(scanCsv('a;b\r1;2;3\r4;5\r', ';', 2)).toEqual(
			clean('a;b\r4;5\r', 1, {
				bad: [{ line: 2, text: '1;2;3', reason: '3 champs au lieu des 2 de l’en-tête' }],
				newLine: '\r',
				physicalLines: 3
			})
		);
		expect(scanCsv('a;b\n1;2;3\n\n4;5\n', ';', 2)).toMatchObject({ kept: 1, blank: [3], text: 'a;b\n\n4;5\n' });
		expect(scanCsv('a;b\n\n1;2\n', ';', 2)).toEqual(clean('a;b\n\n1;2\n', 1, { blank: [2], physicalLines: 3 }));
		// A record ending on its delimiter, then a blank CRLF line.
		expect(scanCsv('a;b\n1;\n\r\n3;4\n', ';', 2)).toEqual(
			clean('a;b\n1;\n\n3;4\n', 2, { blank: [3], physicalLines: 4 })
		);
	});
});

describe('scanCsv making mixed line breaks LF', () => {
	it('keeps a CR inside a quoted cell wherever the cell is: header, second field, after spaces, after a lone LF', () => {
		const same = (text: string, expected: string) => expect(scanCsv(text, ';', 2).text).toBe(expected);
		same('"a\rb";c\r\n1;2\n', '"a\rb";c\n1;2\n');
		same('a;b\r\n1;"x\ry"\n', 'a;b\n1;"x\ry"\n');
		same('a;b\r\n1; "x\ry"\n', 'a;b\n1; "x\ry"\n');
		same('a;b\r\n1;2\n"x\ry";3\r\n', 'a;b\n1;2\n"x\ry";3\n');
		// "" inside a quoted cell is a quote, not its end.
		same('a;b\r\n"a""\rb";c\n', 'a;b\n"a""\rb";c\n');
	});

	it('makes every break between records LF, a quote in the middle of a field opening nothing', () => {
		expect(scanCsv('a;b\n1;x"y\r2;3"\n', ';', 2)).toEqual(clean('a;b\n1;x"y\n2;3"\n', 2, { physicalLines: 3 }));
		expect(scanCsv('a;b\r\n1;2\n\n3;4\n', ';', 2)).toEqual(clean('a;b\n1;2\n\n3;4\n', 2, { blank: [3], physicalLines: 4 }));
		// A file whose first line is blank, then CRLF.
		expect(scanCsv('\n1\r\n', ';', 1)).toEqual(clean('\n1\n', 1, { header: { fields: 1, problem: null } }));
	});
});
