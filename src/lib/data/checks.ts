import { canBeInvalid, cleaned, hasTypeCheck, rawColumn } from './cast';
import type { TableSpec } from './contract';
import type { MappedColumn } from './recognize';
import type { RuleCode } from './rules';
import { ident, join, raw, sql } from '../db/sql';
import type { Query } from '../db/types';

/** Reference tables a file's ids are looked up in; `null` when absent (the check is then skipped). */
export type References = {
	criteria: Query | null;
	elements: Query | null;
	departements: Query | null;
	missionsLocales: Query | null;
};

/** A file's staged rows and how its columns map onto the contract. */
export type CheckTarget = { table: string; spec: TableSpec; mapped: MappedColumn[] };

const col = (name: string) => raw(ident(name));

/** One finding row: (rule, line, col = position in the header, value as written, detail). */
function finding(rule: RuleCode, m: MappedColumn | null, detail: Query, from: Query, where: Query): Query {
	const index = m ? sql`${m.index}::INTEGER` : sql`NULL::INTEGER`;
	const value = m ? sql`left(${col(rawColumn(m.index))}, 200)` : sql`NULL`;
	return sql`SELECT ${rule} AS rule, __line AS line, ${index} AS col, ${value} AS value, ${detail} AS detail FROM ${from} WHERE ${where}`;
}

const NONE = sql`NULL`;

function columnChecks(t: CheckTarget, m: MappedColumn, refs: References): Query[] {
	const from = sql`${col(t.table)}`;
	const text = cleaned(rawColumn(m.index));
	const typed = col(m.spec.name);
	const { spec } = m;
	const checks: Query[] = [];
	// The typed value is NULL when the text is empty or invalid: testing it first spares most trims.
	// DuckDB may test AND's sides in either order: it built the text of every typed Parquet cell
	// (`CAST(niveau AS VARCHAR)`, trimmed) first, 0.7 s per 4.3 M rows. The CASE reads the text only
	// where the typed value is NULL; the plain test before it lets a column without NULL skip it all.
	const whereNull = (test: Query) => sql`${typed} IS NULL AND CASE WHEN ${typed} IS NULL THEN ${test} ELSE false END`;
	const invalid = whereNull(sql`${text} IS NOT NULL`);
	if (spec.required) checks.push(finding('valeur-manquante', m, NONE, from, whereNull(sql`${text} IS NULL`)));
	if (hasTypeCheck(spec)) checks.push(finding('type-invalide', m, NONE, from, invalid));
	if (spec.type === 'enum') checks.push(finding('hors-domaine', m, NONE, from, invalid));
	if (spec.min !== undefined) checks.push(finding('hors-domaine', m, NONE, from, sql`${typed} < ${spec.min}`));
	if (spec.max !== undefined) checks.push(finding('hors-domaine', m, NONE, from, sql`${typed} > ${spec.max}`));
	if (spec.type === 'departement')
		checks.push(finding('departement-complete', m, NONE, from, sql`regexp_full_match(${text}, '[0-9]')`));
	const reference = {
		departement: refs.departements,
		criterion: refs.criteria,
		element: refs.elements,
		ml_id: t.spec.name === 'missions_locales' ? null : refs.missionsLocales
	}[spec.type as string];
	if (reference) {
		const anti = sql`${from} ANTI JOIN (${reference}) AS r ON ${typed} = r.id`;
		checks.push(finding('id-inconnu', m, NONE, anti, sql`${typed} IS NOT NULL`));
	}
	const criterion = t.mapped.find((c) => c.spec.type === 'criterion');
	if (spec.type === 'element' && criterion && refs.elements && refs.criteria) {
		const criterionText = sql`left(${col(rawColumn(criterion.index))}, 200)`;
		// The known (element, criterion) pairs that disagree, a few thousand: one join of the rows on
		// both ids, rather than a join on the element, a comparison and a criterion look-up per row.
		const wrong = sql`SELECT e.id, c.id AS criterion FROM (${refs.elements}) AS e, (${refs.criteria}) AS c
			WHERE e.criterion_id <> c.id`;
		const pairs = sql`${from} SEMI JOIN (${wrong}) AS w ON ${typed} = w.id AND ${col(criterion.spec.name)} = w.criterion`;
		checks.push(finding('element-hors-critere', m, criterionText, pairs, sql`TRUE`));
	}
	return checks;
}

function crossChecks(t: CheckTarget): Query[] {
	const from = sql`${col(t.table)}`;
	const byName = (name: string) => t.mapped.find((m) => m.spec.name === name);
	const checks: Query[] = [];
	const [first, young] = [byName('premiers_accueils'), byName('jeunes_accompagnes')];
	if (first && young) {
		const detail = sql`left(${col(rawColumn(young.index))}, 200)`;
		const where = sql`"premiers_accueils" > "jeunes_accompagnes"`;
		checks.push(finding('premiers-accueils-superieurs', first, detail, from, where));
	}
	const [date, campaign] = [byName('date'), byName('campagne')];
	if (date && campaign) {
		const detail = sql`CAST("campagne" AS VARCHAR)`;
		checks.push(finding('date-hors-campagne', date, detail, from, sql`year("date") <> "campagne"`));
	}
	return checks;
}

/**
 * Every row after the first with the same key (typed values, so `Auto-évaluation` and
 * `auto-evaluation` are one key; an empty optional key value is part of the key). Rows whose key
 * values are invalid are left to the other checks.
 */
function duplicateCheck(t: CheckTarget): Query[] {
	const keys = t.spec.key.map((name) => t.mapped.find((m) => m.spec.name === name));
	const required = t.spec.columns.filter((c) => c.required && t.spec.key.includes(c.name));
	if (required.some((c) => !t.mapped.some((m) => m.spec === c))) return [];
	const present = keys.filter((m): m is MappedColumn => m !== undefined);
	// An optional key value is valid when empty; its text is read only when its type can be wrong
	// (reading it on every row was a third of the check's time).
	const valid = present.map((m) =>
		m.spec.required
			? sql`${col(m.spec.name)} IS NOT NULL`
			: canBeInvalid(m.spec)
				? sql`(${col(m.spec.name)} IS NOT NULL OR ${cleaned(rawColumn(m.index))} IS NULL)`
				: sql`TRUE`
	);
	const names = present.map((m) => col(m.spec.name));
	const label = present.map(
		(m) => sql`${m.spec.name} || ' ' || coalesce(CAST(k.${col(m.spec.name)} AS VARCHAR), 'vide')`
	);
	const list = join(
		names.map((n) => sql`${n}`),
		', '
	);
	// Grouping a million distinct keys is the check's cost: grouping their 64-bit hashes is twice as
	// fast, and only the rows whose hash repeats (the duplicates, and the rare collision) are then
	// compared by their values.
	const hashed = sql`hash(${list})`;
	const candidates = sql`(SELECT ${hashed} AS h FROM ${col(t.table)} WHERE ${join(valid, ' AND ')}
		GROUP BY h HAVING count(*) > 1)`;
	const rows = sql`(SELECT __line, ${list}, min(__line) OVER (PARTITION BY ${list}) AS first FROM ${col(t.table)}
		WHERE ${join(valid, ' AND ')} AND ${hashed} IN ${candidates})`;
	const value = sql`'(' || concat_ws(', ', ${join(label, ', ')}) || ')'`;
	return [
		sql`SELECT 'doublon' AS rule, __line AS line, NULL::INTEGER AS col, ${value} AS value, CAST(first AS VARCHAR) AS detail
			FROM ${rows} AS k WHERE __line > first`
	];
}

/** The SQL checks of one staged file, each selecting (rule, line, col, value, detail). */
export function rowChecks(t: CheckTarget, refs: References): Query[] {
	return [...t.mapped.flatMap((m) => columnChecks(t, m, refs)), ...crossChecks(t), ...duplicateCheck(t)];
}

/** Malformed lines from DuckDB's rejects table, one finding per line. */
export function rejectChecks(rejects: string): Query {
	return sql`SELECT 'ligne-mal-formee' AS rule, line::INTEGER AS line, NULL::INTEGER AS col,
		left(trim(csv_line, chr(10) || chr(13)), 200) AS value, error_message AS detail
		FROM ${col(rejects)} QUALIFY row_number() OVER (PARTITION BY line ORDER BY column_idx) = 1`;
}
