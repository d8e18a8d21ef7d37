import { describe, expect, it } from "vitest";
import { attributes } from "./attributes.js";
import { decideChown } from "./chown.js";
import { makeIdentity } from "./identity.js";

const alice = makeIdentity(1001, 1001, [993]);
const root = makeIdentity(0, 0);

describe("decideChown", () => {
  it("lets only root give a file away", () => {
    expect(decideChown(alice, attributes(0o100644, 1001, 1001), 1002, undefined)).toEqual({
      ok: false,
      errno: "EPERM",
    });
    expect(decideChown(root, attributes(0o100644, 1001, 1001), 1002, undefined)).toEqual({
      ok: true,
      value: { mode: 0o100644, uid: 1002, gid: 1001 },
    });
  });
  it("lets the owner 'change' the owner to itself", () => {
    expect(decideChown(alice, attributes(0o100644, 1001, 1001), 1001, undefined).ok).toBe(true);
  });
  it("lets the owner move the group to one of its own groups only", () => {
    expect(decideChown(alice, attributes(0o100644, 1001, 1001), undefined, 993)).toEqual({
      ok: true,
      value: { mode: 0o100644, uid: 1001, gid: 993 },
    });
    expect(decideChown(alice, attributes(0o100644, 1001, 1001), undefined, 1002)).toEqual({
      ok: false,
      errno: "EPERM",
    });
    expect(decideChown(alice, attributes(0o100644, 1002, 1001), undefined, 993)).toEqual({
      ok: false,
      errno: "EPERM",
    });
  });
  it("clears set-user-id on every chown of a non-directory, root's included", () => {
    expect(decideChown(root, attributes(0o104755, 1001, 1001), 1002, undefined)).toEqual({
      ok: true,
      value: { mode: 0o100755, uid: 1002, gid: 1001 },
    });
    expect(decideChown(root, attributes(0o104755, 1001, 1001), undefined, undefined)).toEqual({
      ok: true,
      value: { mode: 0o100755, uid: 1001, gid: 1001 },
    });
  });
  it("clears a group-executable S_ISGID always, a locking-mark S_ISGID only for non-members", () => {
    expect(decideChown(root, attributes(0o102755, 1001, 1001), 1002, undefined)).toMatchObject({
      value: { mode: 0o100755 },
    });
    expect(decideChown(root, attributes(0o102644, 1001, 1001), 1002, undefined)).toMatchObject({
      value: { mode: 0o102644 },
    });
    const outsider = makeIdentity(1001, 1001);
    expect(decideChown(outsider, attributes(0o102644, 1001, 4242), undefined, 1001)).toMatchObject({
      value: { mode: 0o100644, gid: 1001 },
    });
  });
  it("keeps the set-id bits of directories", () => {
    expect(decideChown(root, attributes(0o046755, 1001, 1001), 1002, 1002)).toMatchObject({
      value: { mode: 0o046755 },
    });
  });
  it("lets anyone chown(-1, -1) a plain file, but only its owner when a bit would be cleared", () => {
    const bob = makeIdentity(1002, 1002);
    expect(decideChown(bob, attributes(0o100644, 1001, 1001), undefined, undefined).ok).toBe(true);
    expect(decideChown(bob, attributes(0o104644, 1001, 1001), undefined, undefined)).toEqual({
      ok: false,
      errno: "EPERM",
    });
  });
  it("is EROFS on a read-only mount", () => {
    expect(decideChown(root, attributes(0o100644, 0, 0), 1, 1, true)).toEqual({
      ok: false,
      errno: "EROFS",
    });
  });
});
