import { describe, expect, it } from "vitest";
import { page } from "./paging.js";

const limits = { min: 1, max: 100 };

describe("EC2 paging", () => {
  it("walks every item exactly once", () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    const seen: number[] = [];
    let token: string | undefined;
    do {
      const next = page(items, { maxResults: 3, ...(token ? { nextToken: token } : {}) }, limits);
      seen.push(...next.items);
      token = next.nextToken;
    } while (token !== undefined);
    expect(seen).toEqual(items);
    expect(page(items, {}, limits)).toEqual({ items });
  });

  it("refuses MaxResults out of range and foreign tokens", () => {
    expect(() => page([1], { maxResults: 0 }, limits)).toThrow(/maxResults/);
    expect(() => page([1], { nextToken: "abc" }, limits)).toThrow(
      expect.objectContaining({ code: "InvalidPaginationToken" }),
    );
    expect(() => page([1], { nextToken: "ec2-page-9" }, limits)).toThrow(/pagination token/);
  });
});
