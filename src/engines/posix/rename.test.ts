import { describe, expect, it } from "vitest";
import { attributes } from "./attributes.js";
import { makeIdentity } from "./identity.js";
import { decideRename, type RenameFacts } from "./rename.js";

const alice = makeIdentity(1001, 1001);
const bob = makeIdentity(1002, 1002);
const open = attributes(0o040777, 0, 0);
const file = (ino: number, uid = 1001) => ({ ino, ...attributes(0o100644, uid, uid) });
const dir = (ino: number, mode = 0o040755, uid = 1001) => ({ ino, ...attributes(mode, uid, uid) });

const base: RenameFacts = {
  identity: alice,
  sourceDir: open,
  source: file(10),
  targetDir: open,
  sameDirectory: true,
  sourceTrailingSlash: false,
  targetTrailingSlash: false,
  sourceIsAncestorOfTargetDir: false,
  targetIsAncestorOfSourceDir: false,
  targetIsEmptyDirectory: false,
};

describe("decideRename", () => {
  it("allows a plain rename", () => {
    expect(decideRename(base)).toEqual({ ok: true, noop: false });
  });
  it("is a successful no-op onto the same inode, even without permission", () => {
    const locked = attributes(0o040555, 0, 0);
    expect(
      decideRename({ ...base, sourceDir: locked, targetDir: locked, target: file(10) }),
    ).toEqual({
      ok: true,
      noop: true,
    });
  });
  it("refuses moving a directory into its own subtree (EINVAL)", () => {
    const facts = {
      ...base,
      source: dir(10),
      sameDirectory: false,
      sourceIsAncestorOfTargetDir: true,
    };
    expect(decideRename(facts)).toEqual({ ok: false, errno: "EINVAL" });
  });
  it("refuses replacing an ancestor of the source (ENOTEMPTY)", () => {
    const facts = {
      ...base,
      target: dir(20),
      sameDirectory: false,
      targetIsAncestorOfSourceDir: true,
    };
    expect(decideRename(facts)).toEqual({ ok: false, errno: "ENOTEMPTY" });
  });
  it("needs a directory source when either name has a trailing slash", () => {
    expect(decideRename({ ...base, targetTrailingSlash: true })).toEqual({
      ok: false,
      errno: "ENOTDIR",
    });
    expect(decideRename({ ...base, source: dir(10), targetTrailingSlash: true }).ok).toBe(true);
  });
  it("checks type mismatches against an existing target", () => {
    expect(decideRename({ ...base, target: dir(20), targetIsEmptyDirectory: true })).toEqual({
      ok: false,
      errno: "EISDIR",
    });
    expect(decideRename({ ...base, source: dir(10), target: file(20) })).toEqual({
      ok: false,
      errno: "ENOTDIR",
    });
  });
  it("needs an empty directory target", () => {
    const facts = { ...base, source: dir(10), target: dir(20) };
    expect(decideRename(facts)).toEqual({ ok: false, errno: "ENOTEMPTY" });
    expect(decideRename({ ...facts, targetIsEmptyDirectory: true })).toEqual({
      ok: true,
      noop: false,
    });
  });
  it("applies the sticky bit to the source and to a replaced target", () => {
    const sticky = attributes(0o041777, 0, 0);
    expect(decideRename({ ...base, identity: bob, sourceDir: sticky })).toEqual({
      ok: false,
      errno: "EPERM",
    });
    expect(
      decideRename({
        ...base,
        source: file(10, 1002),
        identity: bob,
        targetDir: sticky,
        target: file(20),
      }),
    ).toEqual({
      ok: false,
      errno: "EPERM",
    });
  });
  it("needs write permission on the parents", () => {
    const locked = attributes(0o040755, 0, 0);
    expect(decideRename({ ...base, sourceDir: locked }).ok).toBe(false);
    expect(decideRename({ ...base, targetDir: locked, sameDirectory: false })).toEqual({
      ok: false,
      errno: "EACCES",
    });
  });
  it("needs write permission on a directory that changes parent", () => {
    const facts = { ...base, source: dir(10, 0o040555), sameDirectory: false };
    expect(decideRename(facts)).toEqual({ ok: false, errno: "EACCES" });
    expect(decideRename({ ...facts, sameDirectory: true })).toEqual({ ok: true, noop: false });
  });
  it("is EROFS on a read-only mount", () => {
    expect(decideRename({ ...base, readOnly: true })).toEqual({ ok: false, errno: "EROFS" });
  });
});
