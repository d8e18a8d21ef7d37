/**
 * Where a statement ends in its policy text. The parser keeps where each
 * statement starts; the simulator's `MatchedStatements` also name the end,
 * found here by scanning from the statement's opening brace to the brace
 * that closes it (strings and escapes skipped).
 */
import { lineIndex, type SourcePosition } from "../../formats/position.js";

/**
 * The position just after the closing brace of the object starting at
 * `start`, or `undefined` when no object starts there.
 *
 * @example
 * statementEnd('{"Statement":{"Effect":"Allow"}}', { line: 1, column: 14 }); // { line: 1, column: 32 }
 */
export function statementEnd(text: string, start: SourcePosition): SourcePosition | undefined {
  const offset = offsetOf(text, start);
  if (offset === undefined || text[offset] !== "{") return undefined;
  let depth = 0;
  let inString = false;
  for (let i = offset; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return lineIndex(text).at(i + 1);
    }
  }
  return undefined;
}

function offsetOf(text: string, position: SourcePosition): number | undefined {
  let line = 1;
  let i = 0;
  while (line < position.line) {
    const next = text.indexOf("\n", i);
    if (next < 0) return undefined;
    i = next + 1;
    line++;
  }
  const offset = i + position.column - 1;
  return offset < text.length ? offset : undefined;
}
