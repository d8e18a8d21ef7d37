/**
 * The fail level: `--fail-on error|warning|info` makes a finding of that
 * severity or a more severe one fail the run (exit 1, a JUnit failure).
 */
import { SEVERITIES, type Severity } from "../finding.js";

/**
 * True when `severity` is at or above `failOn`.
 *
 * @example
 * atOrAbove("error", "warning"); // true
 * atOrAbove("info", "warning"); // false
 */
export function atOrAbove(severity: Severity, failOn: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

/**
 * True for a severity name.
 *
 * @example
 * isSeverity("warning"); // true
 * isSeverity("fatal"); // false
 */
export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
