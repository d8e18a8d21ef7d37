/**
 * The one order in which stored names and ids are listed, by every adapter:
 * the byte order of their UTF-8 encoding, which is what SQLite's default
 * BINARY collation compares and what `LC_ALL=C ls` prints. JavaScript's `<`
 * compares UTF-16 code units instead, which disagrees for characters above
 * U+FFFF against U+E000..U+FFFF, so the memory adapter sorts with this.
 */

/**
 * Compares two strings by the bytes of their UTF-8 encoding, without
 * encoding them.
 *
 * @example
 * ["\u{1F600}", "\uFFFF", "a"].sort(compareNames); // ["a", "\uFFFF", "\u{1F600}"]
 */
export function compareNames(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Moves surrogates (U+D800..U+DFFF) above U+E000..U+FFFF, so units sort as code points do. */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}
