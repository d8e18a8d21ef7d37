/**
 * The few statistics the invoke benchmark's tables print: the median and
 * the nearest-rank percentile of a list of milliseconds, and number
 * formatting shared by the tables.
 */

/**
 * The value at percentile `p` (0–100) of `values`, nearest rank.
 *
 * @example
 * percentileOf([4, 1, 3, 2], 50); // 2
 */
export function percentileOf(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/**
 * The median (the lower middle value for an even count).
 *
 * @example
 * medianOf([3, 1, 2]); // 2
 */
export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/**
 * Milliseconds with two decimals, or `–` when there is no value.
 *
 * @example
 * ms(1.2345); // "1.23"
 */
export function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : "–";
}

/**
 * A rate rounded to an integer with thousands separators.
 *
 * @example
 * rate(12345.6); // "12,346"
 */
export function rate(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}
