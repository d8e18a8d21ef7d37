import { describe, expect, it } from "vitest";
import { fieldReaders } from "./json-input.js";

class Invalid extends Error {}
const r = fieldReaders((message) => new Invalid(message));

describe("fieldReaders", () => {
  it("reads present fields and treats null as absent", () => {
    expect(r.optionalString({ A: "x" }, "A")).toBe("x");
    expect(r.optionalString({ A: null }, "A")).toBeUndefined();
    expect(r.optionalInteger({ N: 3 }, "N", 1, 5)).toBe(3);
    expect(r.optionalBoolean({ B: false }, "B")).toBe(false);
    expect(r.optionalObject({ O: {} }, "O")).toEqual({});
    expect(r.optionalObjects({ L: [{ a: 1 }] }, "L", 2)).toEqual([{ a: 1 }]);
    expect(r.optionalStrings({ S: ["a"] }, "S")).toEqual(["a"]);
  });

  it("throws the service's error naming the field", () => {
    expect(() => r.requiredString({}, "Id")).toThrow(new Invalid("`Id` is required"));
    expect(() => r.optionalString({ A: 1 }, "A")).toThrow("`A` must be a string, not number");
    expect(() => r.optionalString({ A: "long" }, "A", 1, 3)).toThrow(
      "`A` must be 1 to 3 characters long",
    );
    expect(() => r.optionalInteger({ N: 1.5 }, "N", 1, 5)).toThrow(
      "`N` must be an integer from 1 to 5",
    );
    expect(() => r.optionalObject({ O: [] }, "O")).toThrow("`O` must be an object");
    expect(() => r.optionalObjects({ L: [1] }, "L")).toThrow("`L` must be a list of objects");
    expect(() => r.optionalStrings({ S: ["a", "b"] }, "S", 1)).toThrow("`S` takes at most 1 items");
    expect(() => r.optionalBoolean({ B: "yes" }, "B")).toThrow(Invalid);
  });
});
