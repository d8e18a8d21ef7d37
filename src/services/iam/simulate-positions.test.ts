import { describe, expect, it } from "vitest";
import { statementEnd } from "./simulate-positions.js";

describe("statementEnd", () => {
  it("finds the brace closing the statement, across lines, strings and nesting", () => {
    const text =
      '{\n  "Statement": [\n    {"Action": "a}b", "Condition": {"X": {"k": ["\\"}"]}}}\n  ]\n}';
    expect(statementEnd(text, { line: 3, column: 5 })).toEqual({ line: 3, column: 58 });
  });

  it("gives nothing when no object starts at the position", () => {
    expect(statementEnd('{"a": 1}', { line: 1, column: 2 })).toBeUndefined();
    expect(statementEnd('{"a": 1}', { line: 4, column: 1 })).toBeUndefined();
  });
});
