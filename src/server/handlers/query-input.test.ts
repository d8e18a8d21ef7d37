import { describe, expect, it } from "vitest";
import { encodeDocument } from "./iam-shapes.js";
import { optional, optionalInt, pageRequest, tags } from "./query-input.js";

const params = new Map([
  ["MaxItems", "2"],
  ["Marker", "abc"],
  ["Tags.member.2.Key", "b"],
  ["Tags.member.2.Value", "2"],
  ["Tags.member.1.Key", "a"],
  ["Tags.member.1.Value", "1"],
  ["Bad", "1.5"],
]);

describe("query inputs", () => {
  it("reads optional, integer, paging and tag parameters", () => {
    expect(optional(params, "Marker", "marker")).toEqual({ marker: "abc" });
    expect(optional(params, "Path", "path")).toEqual({});
    expect(pageRequest(params)).toEqual({ marker: "abc", maxItems: 2 });
    expect(tags(params)).toEqual([
      { key: "a", value: "1" },
      { key: "b", value: "2" },
    ]);
    expect(tags(new Map())).toBeUndefined();
  });

  it("refuses a non-integer with ValidationError", () => {
    expect(() => optionalInt(params, "Bad")).toThrow(
      "1 validation error detected: Value '1.5' at 'bad' failed to satisfy constraint: Member must be an integer",
    );
  });

  it("percent-encodes documents as RFC 3986 does", () => {
    expect(encodeDocument(`{"a":"it's (x)*!"}`)).toBe(
      "%7B%22a%22%3A%22it%27s%20%28x%29%2A%21%22%7D",
    );
  });
});
