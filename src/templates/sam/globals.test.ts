import { describe, expect, it } from "vitest";
import { jsonNodeFromValue, jsonNodeToValue } from "../../formats/json-tree.js";
import { mergeGlobals, withoutIgnored } from "./globals.js";

const merge = (g: unknown, l: unknown) =>
  jsonNodeToValue(mergeGlobals(jsonNodeFromValue(g), jsonNodeFromValue(l)));

describe("mergeGlobals", () => {
  it("prefers the local value for primitives and type mismatches", () => {
    expect(merge({ Timeout: 3 }, { Timeout: 9 })).toEqual({ Timeout: 9 });
    expect(merge({ CodeUri: "s3://b/k" }, { CodeUri: { Bucket: "x", Key: "y" } })).toEqual({
      CodeUri: { Bucket: "x", Key: "y" },
    });
  });

  it("treats an intrinsic as a primitive, never merging into it", () => {
    expect(
      merge({ Environment: { Variables: { A: "1" } } }, { Environment: { Ref: "Env" } }),
    ).toEqual({
      Environment: { Ref: "Env" },
    });
    expect(merge({ Role: { "Fn::GetAtt": ["R", "Arn"] } }, { Role: { Foo: 1, Bar: 2 } })).toEqual({
      Role: { Foo: 1, Bar: 2 },
    });
  });

  it("merges maps recursively and concatenates lists without de-duplicating", () => {
    expect(
      merge({ Layers: ["a", "b"], M: { x: { y: 1 } } }, { Layers: ["a"], M: { x: { z: 2 } } }),
    ).toEqual({ Layers: ["a", "b", "a"], M: { x: { y: 1, z: 2 } } });
  });
});

describe("withoutIgnored", () => {
  const globals = jsonNodeFromValue({ Timeout: 3, Runtime: "python3.12" });
  it("drops everything for `*` and the named properties for a list", () => {
    expect(withoutIgnored(globals, jsonNodeFromValue("*"))).toBeUndefined();
    const kept = withoutIgnored(globals, jsonNodeFromValue(["Timeout"]));
    expect(kept && jsonNodeToValue(kept)).toEqual({ Runtime: "python3.12" });
  });
});
