/**
 * Largest-remainder apportionment: integers proportional to weights that sum exactly to a total.
 * Ties are broken by index, so the result is deterministic.
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (total === 0 || sum === 0) return weights.map(() => 0);
	const quotas = weights.map((w) => (w / sum) * total);
	const out = quotas.map(Math.floor);
	let left = total - out.reduce((a, b) => a + b, 0);
	const order = quotas
		.map((q, i) => ({ i, rest: q - Math.floor(q) }))
		.sort((a, b) => b.rest - a.rest || a.i - b.i);
	for (const { i } of order) {
		if (left === 0) break;
		out[i]++;
		left--;
	}
	return out;
}

/**
 * Largest remainder with a floor: every weight gets at least `min`. Weights whose quota falls below
 * the floor are fixed at it and the rest of the total is shared among the others, until stable.
 */
export function allocateWithMinimum(weights: readonly number[], total: number, min: number): number[] {
	if (min * weights.length > total)
		throw new Error(`Cannot give ${min} to each of ${weights.length} with ${total}`);
	const fixed = new Set<number>();
	for (;;) {
		const free = weights.map((_, i) => i).filter((i) => !fixed.has(i));
		const freeSum = free.reduce((a, i) => a + weights[i], 0);
		const left = total - fixed.size * min;
		const newlyFixed = free.filter((i) => (weights[i] / freeSum) * left < min);
		if (newlyFixed.length === 0) {
			const shares = largestRemainder(
				free.map((i) => weights[i]),
				left
			);
			const out = weights.map(() => min);
			free.forEach((i, k) => (out[i] = shares[k]));
			return out;
		}
		for (const i of newlyFixed) fixed.add(i);
	}
}
