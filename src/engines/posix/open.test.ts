import { describe, expect, it } from "vitest";
import { attributes } from "./attributes.js";
import { makeIdentity } from "./identity.js";
import { mayOpen } from "./open.js";

const alice = makeIdentity(1001, 1001);
const read = { read: true, write: false, truncate: false };
const write = { read: false, write: true, truncate: false };

describe("mayOpen", () => {
  it("checks read and write permission as asked", () => {
    expect(mayOpen(alice, attributes(0o100444, 1001, 1001), read)).toBeUndefined();
    expect(mayOpen(alice, attributes(0o100444, 1001, 1001), write)).toBe("EACCES");
    expect(mayOpen(alice, attributes(0o100222, 1001, 1001), read)).toBe("EACCES");
  });
  it("treats O_TRUNC as a write, even on a read-only open", () => {
    expect(mayOpen(alice, attributes(0o100444, 1001, 1001), { ...read, truncate: true })).toBe(
      "EACCES",
    );
  });
  it("refuses a directory for writing with EISDIR, before permissions", () => {
    expect(mayOpen(alice, attributes(0o040000, 0, 0), write)).toBe("EISDIR");
    expect(mayOpen(alice, attributes(0o040000, 0, 0), read)).toBe("EACCES");
    expect(mayOpen(alice, attributes(0o040555, 0, 0), read)).toBeUndefined();
  });
  it("refuses a symbolic link that was not followed with ELOOP", () => {
    expect(mayOpen(alice, attributes(0o120777, 1001, 1001), read)).toBe("ELOOP");
  });
  it("is EROFS for writing on a read-only mount, fine for reading", () => {
    expect(mayOpen(alice, attributes(0o100666, 1001, 1001), write, true)).toBe("EROFS");
    expect(mayOpen(alice, attributes(0o100666, 1001, 1001), read, true)).toBeUndefined();
  });
});
