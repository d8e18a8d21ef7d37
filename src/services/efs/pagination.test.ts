/** Unit tests of EFS marker pagination. */
import { describe, expect, it } from "vitest";
import { pageOf } from "./pagination.js";

const items = ["fs-0000000000000000a", "fs-0000000000000000b", "fs-0000000000000000c"].map(
  (id) => ({ id }),
);
const idOf = (x: { id: string }) => x.id;

describe("pageOf", () => {
  it("walks every page once, in id order", () => {
    const first = pageOf(items, idOf, undefined, 2);
    expect(first.items.map(idOf)).toEqual(["fs-0000000000000000a", "fs-0000000000000000b"]);
    expect(first.next).toBe("fs-0000000000000000c");
    const second = pageOf(items, idOf, first.next, 2);
    expect(second.items.map(idOf)).toEqual(["fs-0000000000000000c"]);
    expect(second.next).toBeUndefined();
  });

  it("resumes after a marker whose item was deleted", () => {
    const page = pageOf(items.slice(1), idOf, "fs-0000000000000000a", 5);
    expect(page.items).toHaveLength(2);
  });

  it("answers an empty page past the end and refuses a malformed marker", () => {
    expect(pageOf(items, idOf, "fs-ffffffffffffffff0", 5).items).toEqual([]);
    expect(() => pageOf(items, idOf, "garbage!", 5)).toThrow(/marker `garbage!` is not valid/);
  });
});
