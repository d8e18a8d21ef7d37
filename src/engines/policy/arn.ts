/**
 * Amazon Resource Names: splitting into their six parts and matching an ARN
 * pattern against a concrete ARN the way IAM does (per segment, `*` and `?`
 * wildcards, the resource part may itself contain colons).
 */
import { compileTokens, type PatternPiece } from "./wildcard.js";

/** The parts of `arn:partition:service:region:account:resource`. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/**
 * Splits an ARN; returns undefined when `text` is not `arn:` followed by at
 * least five colon-separated parts.
 *
 * @example
 * parseArn("arn:aws:iam::111122223333:role/app")?.account; // "111122223333"
 */
export function parseArn(text: string): Arn | undefined {
  if (!text.startsWith("arn:")) return undefined;
  const parts = text.split(":");
  if (parts.length < 6) return undefined;
  const [, partition = "", service = "", region = "", account = ""] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(":") };
}

/** A compiled ARN pattern (as found in `Resource` or an `Arn*` condition). */
export interface ArnPattern {
  matches(arn: string): boolean;
}

/**
 * Compiles an ARN pattern. Wildcards stay within their colon-separated
 * segment, except that a `*` ending a segment "can expand to match beyond
 * the colon boundaries" (IAM User Guide, Resource element), so
 * `arn:aws:s3:*` matches every S3 ARN. In the resource part (after the fifth
 * colon) `*` matches anything. A pattern that is not ARN-shaped is a plain
 * wildcard pattern over the whole candidate.
 *
 * @example
 * compileArnPattern("arn:aws:s3:::bucket/*").matches("arn:aws:s3:::bucket/a/b"); // true
 */
export function compileArnPattern(pattern: string): ArnPattern {
  if (pattern === "*") return { matches: () => true };
  return compileArnPieces([{ literal: false, text: pattern }]);
}

/**
 * Compiles an ARN pattern given as pieces, where literal pieces (policy
 * variable values, `${*}`) never act as wildcards.
 */
export function compileArnPieces(pieces: readonly PatternPiece[]): ArnPattern {
  const text = pieces.map((p) => p.text).join("");
  if (!text.startsWith("arn:")) {
    const glob = compileTokens(pieces, false);
    return { matches: (arn) => glob.test(arn) };
  }
  if (pieces.every((p) => p.literal || !/[*?]/.test(p.text)))
    return { matches: (arn) => arn === text };
  let source = "^";
  let segment = 0;
  for (const [i, piece] of pieces.entries()) {
    for (let j = 0; j < piece.text.length; j++) {
      const ch = piece.text[j] ?? "";
      if (ch === ":") segment++;
      if (piece.literal || (ch !== "*" && ch !== "?")) {
        source += ch.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
      } else if (segment >= 5) {
        source += ch === "*" ? "[\\s\\S]*" : "[\\s\\S]";
      } else if (ch === "?") {
        source += "[^:]";
      } else {
        const next = j + 1 < piece.text.length ? piece.text[j + 1] : pieces[i + 1]?.text[0];
        source += next === undefined || next === ":" ? "[\\s\\S]*" : "[^:]*";
      }
    }
  }
  const regex = new RegExp(`${source}$`, "u");
  return { matches: (arn) => regex.test(arn) };
}
