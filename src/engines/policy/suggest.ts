/**
 * "Did you mean" suggestions: the closest known name to a misspelt one, by
 * edit distance, case-insensitively.
 */

/**
 * Returns the candidate closest to `input` when it is within `maxDistance`
 * edits (default: a third of the input's length, at least 1, at most 3).
 *
 * @example
 * closestName("Efect", ["Effect", "Action"]); // "Effect"
 */
export function closestName(
  input: string,
  candidates: readonly string[],
  maxDistance?: number,
): string | undefined {
  const limit = maxDistance ?? Math.min(3, Math.max(1, Math.floor(input.length / 3)));
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(needle, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `cap`) once it cannot be below `cap`. */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= cap) return cap;
    previous = current;
  }
  return previous[b.length] ?? cap;
}
