/**
 * Source positions: every element of a parsed policy remembers where it was
 * written, so findings and traces can point a person at a line and column.
 */

/** A 1-based line and column in a source text. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps character offsets of one text to 1-based line and column numbers.
 *
 * @example
 * const lines = lineIndex('{\n  "a": 1\n}');
 * lines.at(4); // { line: 2, column: 3 }
 */
export interface LineIndex {
  at(offset: number): SourcePosition;
}

/** Builds a {@link LineIndex} for `text` (one pass over the text, binary search per lookup). */
export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) starts.push(i + 1);
  }
  return {
    at(offset: number): SourcePosition {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
    },
  };
}

/** Formats a position as `line:column`. */
export function formatPosition(position: SourcePosition | undefined): string {
  return position ? `${position.line}:${position.column}` : "?:?";
}
