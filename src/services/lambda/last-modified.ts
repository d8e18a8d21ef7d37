/**
 * Lambda's own timestamp text for `LastModified`: ISO 8601 with
 * milliseconds and a `+0000` offset (`2024-01-01T00:00:00.000+0000`), not
 * the epoch seconds other rest-json timestamps use.
 */

/**
 * Formats epoch milliseconds as Lambda writes LastModified.
 *
 * @example
 * lastModifiedText(Date.UTC(2024, 0, 1)); // "2024-01-01T00:00:00.000+0000"
 */
export function lastModifiedText(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, "+0000");
}
