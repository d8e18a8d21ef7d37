import { describe, expect, it } from "vitest";
import { checkFilterNames, matchesFilters, tagFields } from "./filters.js";

describe("EC2 filters", () => {
  const fields = { "vpc-id": ["vpc-1"], ...tagFields([{ key: "team", value: "net-a" }]) };

  it("matches when every filter has one matching value", () => {
    expect(matchesFilters(fields, [])).toBe(true);
    expect(matchesFilters(fields, [{ name: "vpc-id", values: ["vpc-2", "vpc-1"] }])).toBe(true);
    expect(
      matchesFilters(fields, [
        { name: "vpc-id", values: ["vpc-1"] },
        { name: "tag:team", values: ["other"] },
      ]),
    ).toBe(false);
    expect(matchesFilters(fields, [{ name: "tag:absent", values: ["x"] }])).toBe(false);
  });

  it("treats * and ? as wildcards and everything else literally", () => {
    expect(matchesFilters(fields, [{ name: "tag:team", values: ["net-*"] }])).toBe(true);
    expect(matchesFilters(fields, [{ name: "tag:team", values: ["net-?"] }])).toBe(true);
    expect(matchesFilters(fields, [{ name: "tag:team", values: ["net.a"] }])).toBe(false);
    expect(matchesFilters(fields, [{ name: "tag-key", values: ["team"] }])).toBe(true);
  });

  it("refuses unknown filter names but always knows tag filters", () => {
    expect(() => checkFilterNames([{ name: "tag:any", values: [] }], [])).not.toThrow();
    expect(() => checkFilterNames([{ name: "colour", values: [] }], ["vpc-id"])).toThrow(
      "The filter 'colour' is invalid",
    );
  });
});
