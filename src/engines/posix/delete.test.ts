import { describe, expect, it } from "vitest";
import { attributes } from "./attributes.js";
import { mayDelete, stickyForbids } from "./delete.js";
import { makeIdentity } from "./identity.js";

const alice = makeIdentity(1001, 1001);
const bob = makeIdentity(1002, 1002);
const root = makeIdentity(0, 0);
const tmp = attributes(0o041777, 0, 0);
const alicesFile = attributes(0o100666, 1001, 1001);

describe("stickyForbids", () => {
  it("lets only the file's owner, the directory's owner or root remove from a sticky directory", () => {
    expect(stickyForbids(bob, tmp, alicesFile)).toBe(true);
    expect(stickyForbids(alice, tmp, alicesFile)).toBe(false);
    expect(stickyForbids(root, tmp, alicesFile)).toBe(false);
    expect(stickyForbids(bob, attributes(0o041777, 1002, 1002), alicesFile)).toBe(false);
  });
  it("does nothing without the sticky bit", () => {
    expect(stickyForbids(bob, attributes(0o040777, 0, 0), alicesFile)).toBe(false);
  });
});

describe("mayDelete", () => {
  it("checks the directory's permission first, then the sticky bit, then the type", () => {
    expect(mayDelete(bob, attributes(0o041755, 0, 0), alicesFile, false)).toBe("EACCES");
    expect(mayDelete(bob, tmp, alicesFile, false)).toBe("EPERM");
    expect(mayDelete(bob, tmp, attributes(0o040777, 1001, 1001), true)).toBe("EPERM");
    expect(mayDelete(alice, tmp, attributes(0o040777, 1001, 1001), false)).toBe("EISDIR");
    expect(mayDelete(alice, tmp, alicesFile, true)).toBe("ENOTDIR");
    expect(mayDelete(alice, tmp, alicesFile, false)).toBeUndefined();
  });
  it("does not care about the victim's own mode", () => {
    expect(
      mayDelete(bob, attributes(0o040777, 0, 0), attributes(0o100000, 0, 0), false),
    ).toBeUndefined();
  });
  it("is EROFS on a read-only mount", () => {
    expect(mayDelete(root, tmp, alicesFile, false, true)).toBe("EROFS");
  });
});
