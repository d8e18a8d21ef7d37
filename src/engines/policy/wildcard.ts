/**
 * Glob matching with IAM's two wildcards: `*` (any run of characters,
 * including none) and `?` (exactly one character). Patterns are compiled
 * once to a regular expression, or to a plain comparison when they hold no
 * wildcard.
 */

/** A compiled wildcard pattern. */
export interface Glob {
  test(value: string): boolean;
}

const cache = new Map<string, Glob>();
const CACHE_LIMIT = 10_000;

/**
 * Compiles `pattern`; `ignoreCase` folds case (used for actions).
 *
 * @example
 * compileGlob("s3:Get*", true).test("S3:GETOBJECT"); // true
 */
export function compileGlob(pattern: string, ignoreCase: boolean): Glob {
  const cacheKey = `${ignoreCase ? "i" : "s"}${pattern}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const glob = build(pattern, ignoreCase);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, glob);
  return glob;
}

function build(pattern: string, ignoreCase: boolean): Glob {
  if (pattern === "*") return { test: () => true };
  if (!pattern.includes("*") && !pattern.includes("?")) return exact(pattern, ignoreCase);
  return toRegex([{ literal: false, text: pattern }], ignoreCase);
}

function exact(text: string, ignoreCase: boolean): Glob {
  if (!ignoreCase) return { test: (v) => v === text };
  const lower = text.toLowerCase();
  return { test: (v) => v.length === lower.length && v.toLowerCase() === lower };
}

/** A piece of a pattern: literal text (wildcards are plain characters) or text whose `*`/`?` are wildcards. */
export interface PatternPiece {
  readonly literal: boolean;
  readonly text: string;
}

/**
 * Compiles a pattern made of pieces, where some pieces come from policy
 * variables such as `${*}` and must not act as wildcards.
 */
export function compileTokens(pieces: readonly PatternPiece[], ignoreCase: boolean): Glob {
  if (pieces.length === 1 && !pieces[0]?.literal)
    return compileGlob(pieces[0]?.text ?? "", ignoreCase);
  if (pieces.every((p) => p.literal)) return exact(pieces.map((p) => p.text).join(""), ignoreCase);
  return toRegex(pieces, ignoreCase);
}

function toRegex(pieces: readonly PatternPiece[], ignoreCase: boolean): Glob {
  let source = "^";
  for (const piece of pieces) {
    for (const ch of piece.text) {
      if (!piece.literal && ch === "*") source += "[\\s\\S]*";
      else if (!piece.literal && ch === "?") source += "[\\s\\S]";
      else source += ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
    }
  }
  const regex = new RegExp(`${source}$`, ignoreCase ? "iu" : "u");
  return { test: (v) => regex.test(v) };
}
