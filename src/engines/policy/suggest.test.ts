import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "./suggest.js";

describe("closestName", () => {
  it("finds near misses and ignores case", () => {
    expect(closestName("Efect", ["Effect", "Action"])).toBe("Effect");
    expect(closestName("principal", ["Principal", "NotPrincipal"])).toBe("Principal");
    expect(closestName("GetObjekt", ["GetObject", "PutObject"])).toBe("GetObject");
  });
  it("suggests nothing when no name is close", () => {
    expect(closestName("Foo", ["Effect", "Action"])).toBeUndefined();
  });
  it("computes Levenshtein distances", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});
