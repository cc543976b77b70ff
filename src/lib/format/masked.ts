import { MASKED_LABEL, isMasked } from '../model/smallGroups';

/** An aggregate over `n` Missions Locales, formatted, or the masked label when the group is too small. */
export function formatUnlessMasked(
	value: number | null | undefined,
	n: number | null | undefined,
	format: (v: number | null | undefined) => string
): string {
	return isMasked(n) ? MASKED_LABEL : format(value);
}
