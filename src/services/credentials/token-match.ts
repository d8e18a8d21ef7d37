/**
 * Comparing a presented secret with the expected one in constant time:
 * both are hashed to SHA-256 first, so neither the content nor the length
 * of the expected token leaks through timing.
 */
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/**
 * Whether `presented` equals `expected`, in constant time.
 *
 * @example
 * tokensMatch("abc", "abc"); // true
 * tokensMatch("abc", undefined); // false
 */
export function tokensMatch(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  return timingSafeEqual(digest(expected), digest(presented));
}
