/**
 * When one IAM pattern covers another: every value the narrower pattern
 * matches, the wider one matches too. Decided conservatively: a pattern
 * covers another when it matches the other's text with the other's
 * wildcards read as plain characters, and `?` in the wider pattern only
 * ever stands for a plain character of the narrower.
 */
import { compileGlob } from "../wildcard.js";

/**
 * True when every value matched by `narrow` is matched by `wide`.
 *
 * @example
 * covers("s3:*", "s3:Get*", true); // true
 * covers("s3:Get*", "s3:*", true); // false
 */
export function covers(wide: string, narrow: string, ignoreCase: boolean): boolean {
  if (wide === "*") return true;
  if (!compileGlob(wide, ignoreCase).test(narrow)) return false;
  // a `?` of `wide` may have stood for a wildcard of `narrow`, which matches more than one character
  return !wide.includes("?") || !/[*?]/.test(narrow);
}
