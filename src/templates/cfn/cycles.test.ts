import { describe, expect, it } from "vitest";
import { findCycles } from "./cycles.js";

describe("findCycles", () => {
  it("finds each cycle once, in file order, including self-references", () => {
    const graph = new Map([
      ["A", ["B"]],
      ["B", ["C"]],
      ["C", ["A"]],
      ["D", ["D"]],
      ["E", ["A", "Outside"]],
    ]);
    expect(findCycles(graph, ["A", "B", "C", "D", "E"])).toEqual([["A", "B", "C"], ["D"]]);
  });

  it("finds none in a DAG, and orders members by the file, not the walk", () => {
    expect(
      findCycles(
        new Map([
          ["A", ["B"]],
          ["B", []],
        ]),
        ["A", "B"],
      ),
    ).toEqual([]);
    const graph = new Map([
      ["Z", ["Y"]],
      ["Y", ["Z"]],
    ]);
    expect(findCycles(graph, ["Y", "Z"])).toEqual([["Y", "Z"]]);
  });
});
