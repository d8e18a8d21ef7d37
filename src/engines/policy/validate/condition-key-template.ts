/**
 * Documented condition keys with placeholders: the Service Authorization
 * Reference writes `aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/<key>`
 * or `token.actions.githubusercontent.com/${SubPath}:actor`; a policy
 * writes the key with the placeholder filled in. Matching ignores case, as
 * IAM does for condition keys.
 */

const cache = new Map<string, RegExp>();

/**
 * True when `key`, as written in a policy, is an instance of `documented`.
 *
 * @example
 * keyTemplateMatches("s3:ExistingObjectTag/<key>", "s3:existingobjecttag/team"); // true
 * keyTemplateMatches("aws:RequestTag/${TagKey}", "aws:RequestTag/"); // false
 */
export function keyTemplateMatches(documented: string, key: string): boolean {
  if (!documented.includes("$") && !documented.includes("<")) {
    return documented.length === key.length && documented.toLowerCase() === key.toLowerCase();
  }
  let regex = cache.get(documented);
  if (!regex) {
    const source = documented
      .split(/(\$\{[^}]*\}|<[^>]*>)/)
      .map((piece, i) => (i % 2 === 1 ? ".+" : piece.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")))
      .join("");
    regex = new RegExp(`^${source}$`, "i");
    if (cache.size > 5_000) cache.clear();
    cache.set(documented, regex);
  }
  return regex.test(key);
}

/**
 * The prefix of a condition key (before its first colon), lowercased;
 * undefined without one.
 *
 * @example
 * keyPrefix("S3:prefix"); // "s3"
 */
export function keyPrefix(key: string): string | undefined {
  const colon = key.indexOf(":");
  return colon > 0 && colon < key.length - 1 ? key.slice(0, colon).toLowerCase() : undefined;
}
