/**
 * Word wrapping for the text report: paragraphs are broken at spaces to a
 * width, each line indented; a word longer than the width stays whole.
 */

/**
 * Wraps `text` to `width` columns (indent included), indenting every line.
 *
 * @example
 * wrap("the access point enforces uid 0", 20, "  ");
 * // ["  the access point", "  enforces uid 0"]
 */
export function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line !== "" && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(indent + line);
  return lines;
}
