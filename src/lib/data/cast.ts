import { sqlType, type ColumnSpec } from './contract';
import { ident, raw, sql, type Raw } from '../db/sql';
import type { Query } from '../db/types';
import { ENUM_SEPARATORS } from './normalize';

// A literal, not a parameter: DuckDB compiles a constant pattern once for the whole column.
const ENUM_PATTERN = raw(`'${ENUM_SEPARATORS.replaceAll("'", "''")}+'`);

/**
 * A regular expression written by the project, as an SQL literal. Not a parameter on purpose:
 * DuckDB compiles a parameter pattern again for every row (measured: 20 s instead of 0.04 s per
 * million rows). Never pass user input here.
 */
function pattern(regex: string): Raw {
	return raw(`'${regex.replaceAll("'", "''")}'`);
}

/** ML_ID_PATTERN without its counted repetition, which makes RE2 3× slower (`cast.test.ts` checks both agree). */
const ML_ID_SHAPE = '[A-Za-z0-9][A-Za-z0-9_-]*';
export const ML_ID_MAX_LENGTH = 32;

/** Spaces people leave around values: space, tab, no-break space, narrow no-break space. */
const BLANKS = ' \t\u00a0\u202f';

/** The raw column of staging that holds the file's column at `index`. */
export function rawColumn(index: number): string {
	return `c${index}`;
}

/** A raw cell trimmed, `NULL` when empty. Most cells need no trim: testing their ends spares it (5× faster). */
export function cleaned(column: string): Query {
	return cleanedText(sql`${raw(ident(column))}`);
}

function cleanedText(c: Query): Query {
	const codes = raw(`(${[...BLANKS].map((b) => b.codePointAt(0)).join(', ')})`);
	return sql`CASE WHEN ascii(${c}) IN ${codes} OR ascii(right(${c}, 1)) IN ${codes}
		THEN NULLIF(trim(${c}, ${raw(`'${BLANKS}'`)}), '') ELSE NULLIF(${c}, '') END`;
}

/** A number as French spreadsheets write it: thousands separated by (no-break) spaces. */
function digits(value: Query): Query {
	return sql`replace(replace(replace(${value}, ' ', ''), ${raw("'\u00a0'")}, ''), ${raw("'\u202f'")}, '')`;
}

/** The SQL twin of `normalizeEnum`: no accents, lower case, each run of separators as one `-`, none at the ends. */
export function normalizedEnum(value: Query): Query {
	return sql`trim(regexp_replace(lower(strip_accents(${value})), ${ENUM_PATTERN}, '-', 'g'), '-')`;
}

function dateValue(v: Query): Query {
	// ISO dates (a Parquet timestamp at midnight reads `2024-03-15 00:00:00`) or French dd/mm/yyyy;
	// an impossible date (31/02/2024) casts to NULL and so fails the type check.
	const iso = pattern('[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([ T]00:00(:00(\\.0+)?)?)?');
	const french = pattern('[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}');
	const day = pattern('^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}');
	return sql`CASE WHEN regexp_full_match(${v}, ${iso}) THEN TRY_CAST(regexp_extract(${v}, ${day}) AS DATE)
		WHEN regexp_full_match(${v}, ${french}) THEN CAST(try_strptime(${v}, '%d/%m/%Y') AS DATE) END`;
}

/** The typed value of a cleaned text `v`, whatever its spelling. */
function fullValue(spec: ColumnSpec, v: Query): Query {
	switch (spec.type) {
		case 'ml_id':
			return sql`CASE WHEN regexp_full_match(${v}, ${pattern(ML_ID_SHAPE)}) AND length(${v}) <= ${ML_ID_MAX_LENGTH}
				THEN ${v} END`;
		case 'enum': {
			const n = normalizedEnum(v);
			return sql`CASE WHEN ${n} IN ${spec.values ?? []} THEN ${n} END`;
		}
		case 'integer':
		case 'year': {
			const d = digits(v);
			return sql`CASE WHEN regexp_full_match(${d}, ${pattern('[+-]?[0-9]+([.,]0*)?')})
				THEN TRY_CAST(regexp_extract(${d}, ${pattern('^[+-]?[0-9]+')}) AS INTEGER) END`;
		}
		case 'number': {
			const d = digits(v);
			return sql`CASE WHEN regexp_full_match(${d}, ${pattern('[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)')})
				THEN TRY_CAST(replace(${d}, ',', '.') AS DOUBLE) END`;
		}
		case 'date':
			return dateValue(v);
		case 'departement':
			return sql`CASE WHEN regexp_full_match(${v}, '[0-9]') THEN '0' || ${v} ELSE upper(${v}) END`;
		case 'element':
			return sql`lower(${v})`;
		default:
			return v;
	}
}

// Stryker disable all: `fastPath` and `nativeValue` only make typing faster. A mutant that turns one
// off (returns null, drops a case, never matches) sends every cell down the full text path, which
// gives the same value (`cast.test.ts` checks both agree): no test of behaviour can tell. Those that
// break a fast value are caught by the typing tests, but are left out of the score with the rest.
/**
 * The spelling most files use, per type: a cheap test on the raw cell and its typed value. Cells
 * that pass need no trimming or normalising (measured: typing a million rows 3× faster).
 */
function fastPath(spec: ColumnSpec, c: Query): { test: Query; value: Query } | null {
	const matches = (regex: string) => sql`regexp_full_match(${c}, ${pattern(regex)})`;
	switch (spec.type) {
		case 'ml_id':
			return { test: sql`${matches(ML_ID_SHAPE)} AND length(${c}) <= ${ML_ID_MAX_LENGTH}`, value: c };
		case 'enum':
			return { test: sql`${c} IN ${spec.values ?? []}`, value: c };
		case 'integer':
		case 'year':
			return { test: matches('[0-9]{1,9}'), value: sql`CAST(${c} AS INTEGER)` };
		case 'number':
			return { test: matches('[0-9]{1,15}([.][0-9]{1,15})?'), value: sql`CAST(${c} AS DOUBLE)` };
		case 'date':
			return { test: matches('[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}'), value: sql`CAST(try_strptime(${c}, '%d/%m/%Y') AS DATE)` };
		case 'departement':
			return { test: matches('[0-9]{2,3}|2[AB]'), value: c };
		case 'criterion':
			return { test: matches('[0-9]+([.][0-9]+)*'), value: c };
		case 'element':
			return { test: matches('[0-9]+([.][0-9]+)*[.][a-z]'), value: c };
		default:
			return null;
	}
}

/** The DuckDB types a Parquet column may have that hold whole numbers. */
const INTEGER_TYPES = /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|UHUGEINT)$/;
/** …and numbers with a fractional part. */
const FRACTION_TYPES = /^(FLOAT|DOUBLE|DECIMAL\(\d+,\d+\))$/;

/**
 * The typed value of a cell already typed by its file (a Parquet column), when the file's type
 * says everything: whole numbers for an integer column, any number for a number column, a date for
 * a date column. `null` when the value has to go through its text instead. Same results as the
 * text path (`cast.test.ts` checks both), without writing and reading back a million texts.
 */
function nativeValue(spec: ColumnSpec, c: Query, source: string): Query | null {
	const whole = INTEGER_TYPES.test(source);
	const fraction = FRACTION_TYPES.test(source);
	switch (spec.type) {
		case 'integer':
		case 'year':
			if (whole) return sql`TRY_CAST(${c} AS INTEGER)`;
			return fraction ? sql`CASE WHEN ${c} = trunc(${c}) THEN TRY_CAST(${c} AS INTEGER) END` : null;
		case 'number':
			return whole || fraction ? sql`CAST(${c} AS DOUBLE)` : null;
		case 'date':
			return source === 'DATE' ? c : null;
		default:
			return null;
	}
}

// Stryker restore all
/**
 * The typed value of a contract column, from its raw cell: `NULL` when the cell is empty or does
 * not have the column's type (the checks tell one from the other). Values are trimmed; enumerated
 * values come out in their canonical spelling, element ids in lower case, one-digit départements
 * padded (`1` → `01`). `source` is the column's DuckDB type: `VARCHAR` for a CSV, the file's own
 * type for a Parquet column (read through its text when its type is not the contract's).
 */
export function typedValue(spec: ColumnSpec, column: string, source = 'VARCHAR'): Query {
	const c = sql`${raw(ident(column))}`;
	const native = nativeValue(spec, c, source);
	if (native) return native;
	const text = source === 'VARCHAR' ? c : sql`CAST(${c} AS VARCHAR)`;
	const full = fullValue(spec, cleanedText(text));
	const fast = fastPath(spec, text);
	return fast ? sql`CASE WHEN ${fast.test} THEN ${fast.value} ELSE ${full} END` : full;
}

/** Types whose common spelling (`fastPath`) is their typed value, as written. */
const SPELLED_AS_TYPED = new Set(['ml_id', 'enum', 'departement', 'criterion', 'element']);

/**
 * A test that a text cell's typed value is the cell itself, as most cells are (`ML-01-01`, `audit`,
 * `4.2.1.a`); `null` for a column whose typed value is never its text. Staging keeps only the cells
 * that fail it: copying the others twice was a third of its time.
 */
export function typedAsWritten(spec: ColumnSpec, column: string, source = 'VARCHAR'): Query | null {
	if (source !== 'VARCHAR' || !SPELLED_AS_TYPED.has(spec.type)) return null;
	return fastPath(spec, sql`${raw(ident(column))}`)?.test ?? null;
}

/** Whether a column's text can be wrong in type (others are either in their domain or not). */
export function hasTypeCheck(spec: ColumnSpec): boolean {
	return ['ml_id', 'integer', 'year', 'number', 'date'].includes(spec.type);
}

/**
 * Whether a non-empty cell can have no typed value: a wrong type, or a value outside an enumeration.
 * Any other column's typed value is `NULL` exactly when its cell is empty.
 */
export function canBeInvalid(spec: ColumnSpec): boolean {
	return hasTypeCheck(spec) || spec.type === 'enum';
}

/** `typedValue` of a raw column, cast to the contract's SQL type, named after the contract column. */
export function typedColumn(spec: ColumnSpec, column: string, source = 'VARCHAR'): Query {
	return sql`CAST(${typedValue(spec, column, source)} AS ${raw(sqlType(spec.type))}) AS ${raw(ident(spec.name))}`;
}
