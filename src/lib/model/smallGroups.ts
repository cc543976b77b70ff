/**
 * The small-group rule, set once: an aggregate over fewer Missions Locales than `MIN_N` is never
 * shown (its mean would point at one or two structures). Every cell, table, ranking, export and
 * caption applies it through these helpers.
 */
export const MIN_N = 3;

/** What a masked aggregate shows instead of its value. */
export const MASKED_LABEL = `n<${MIN_N}`;

/** Whether an aggregate over `n` Missions Locales must be masked. */
export function isMasked(n: number | null | undefined): boolean {
	return n == null || n < MIN_N;
}

/** The value, or null when the group is too small to show it. */
export function unlessMasked<T>(value: T, n: number | null | undefined): T | null {
	return isMasked(n) ? null : value;
}

/**
 * A row with each mean of a too-small group set to null: `maskMeans(row, { arml_mean: 'arml_n' })`
 * nulls `arml_mean` when `arml_n` < MIN_N. A group of 0 (no mean at all) stays as it is.
 */
export function maskMeans<T extends object>(row: T, means: Partial<Record<keyof T, keyof T>>): T {
	const out = { ...row } as Record<keyof T, unknown>;
	for (const [mean, n] of Object.entries(means) as [keyof T, keyof T][]) {
		const count = row[n] as number | null;
		if (count !== 0 && isMasked(count)) out[mean] = null;
	}
	return out as T;
}
