/**
 * The formats `accesslab check` writes its report in: `text` for people,
 * `json` for scripts, `sarif` for code-scanning UIs (GitHub shows the
 * results inline), `junit` for CI test dashboards.
 */

/** Every report format, the default first. */
export const CHECK_FORMATS = ["text", "json", "sarif", "junit"] as const;

/** One of {@link CHECK_FORMATS}. */
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/**
 * True for a known format name.
 *
 * @example
 * isCheckFormat("sarif"); // true
 * isCheckFormat("html"); // false
 */
export function isCheckFormat(value: string): value is CheckFormat {
  return (CHECK_FORMATS as readonly string[]).includes(value);
}
