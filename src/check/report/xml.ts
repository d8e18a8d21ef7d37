/**
 * Escaping for the XML the JUnit report writes: text and attribute values,
 * with characters XML 1.0 cannot carry at all removed.
 */

/**
 * Escapes `text` for an XML attribute value or element content.
 *
 * @example
 * xmlEscape('a < "b"'); // "a &lt; &quot;b&quot;"
 */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}
