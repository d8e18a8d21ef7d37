/**
 * The small pattern language of ignore entries: `*` matches any run of
 * characters except `/`, `**` any run including `/`, everything else
 * matches itself. Paths are compared with forward slashes and without a
 * leading `./`, so `templates/*.yaml` means the same on every system.
 */

/**
 * True when `value` matches `pattern`.
 *
 * @example
 * matchesPattern("efs-*", "efs-access-point-root"); // true
 * matchesPattern("templates/**", "templates/a/b.yaml"); // true
 * matchesPattern("templates/*.yaml", "templates/a/b.yaml"); // false
 */
export function matchesPattern(pattern: string, value: string): boolean {
  if (!pattern.includes("*")) return pattern === value;
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "*" && pattern[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (c === "*") source += "[^/]*";
    else source += c.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`).test(value);
}

/**
 * A path in the form patterns are written in: forward slashes, no `./`.
 *
 * @example
 * normalizePath(".\\templates\\a.yaml"); // "templates/a.yaml"
 */
export function normalizePath(path: string): string {
  return path.replaceAll("\\", "/").replace(/^(\.\/)+/, "");
}
