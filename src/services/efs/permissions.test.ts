import { describe, expect, it } from "vitest";
import { makeIdentity } from "../../engines/posix/index.js";
import { memoryTree } from "../../store/memory/tree.js";
import type { FileSession, FsResult } from "./file-tree.js";
import * as fsx from "./file-tree.js";

function fixture(umask = 0o022) {
  const tree = memoryTree();
  let now = 0;
  fsx.initializeFileSystem(tree, 0);
  const as = (uid: number, gid: number, groups: number[] = [], readOnly = false): FileSession => ({
    tree,
    identity: makeIdentity(uid, gid, groups),
    rootIno: fsx.ROOT_INO,
    readOnly,
    umask,
    clock: () => ++now,
  });
  return { root: as(0, 0), as };
}

function value<T>(result: FsResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.errno}`);
  return result.value;
}

describe("search permission", () => {
  it("needs x on every directory walked, even to stat", () => {
    const { root, as } = fixture();
    value(fsx.mkdir(root, "/d", 0o744));
    value(fsx.writeFile(root, "/d/f", "x", { mode: 0o644 }));
    const alice = as(1001, 1001);
    expect(fsx.stat(alice, "/d/f")).toMatchObject({ errno: "EACCES", path: "/d/f" });
    expect(value(fsx.readdir(alice, "/d")).map((e) => e.name)).toEqual(["f"]);
    value(fsx.chmod(root, "/d", 0o711));
    expect(fsx.stat(alice, "/d/f").ok).toBe(true);
    expect(fsx.readdir(alice, "/d")).toMatchObject({ errno: "EACCES" });
  });
  it("lets the owner class decide even when other would grant", () => {
    const { root, as } = fixture();
    value(fsx.writeFile(root, "/f", "x"));
    value(fsx.chown(root, "/f", 1001, 1001));
    value(fsx.chmod(root, "/f", 0o007));
    expect(fsx.readFile(as(1001, 1001), "/f")).toMatchObject({ errno: "EACCES" });
    expect(fsx.readFile(as(1002, 1002), "/f").ok).toBe(true);
  });
});

describe("sticky directories", () => {
  it("keep other users from removing or renaming each other's files", () => {
    const { root, as } = fixture();
    value(fsx.mkdir(root, "/tmp", 0o777));
    value(fsx.chmod(root, "/tmp", 0o1777));
    const alice = as(1001, 1001);
    const bob = as(1002, 1002);
    value(fsx.writeFile(alice, "/tmp/a", "x"));
    value(fsx.chmod(alice, "/tmp/a", 0o666));
    expect(fsx.unlink(bob, "/tmp/a")).toMatchObject({ errno: "EPERM" });
    expect(fsx.rename(bob, "/tmp/a", "/tmp/b")).toMatchObject({ errno: "EPERM" });
    value(fsx.writeFile(bob, "/tmp/b", "y"));
    expect(fsx.rename(alice, "/tmp/a", "/tmp/b")).toMatchObject({ errno: "EPERM" });
    expect(value(fsx.writeFile(bob, "/tmp/a", "bob may still write"))).toMatchObject({ uid: 1001 });
    value(fsx.unlink(root, "/tmp/b"));
    value(fsx.unlink(alice, "/tmp/a"));
  });
  it("let the directory's owner remove anything in it", () => {
    const { root, as } = fixture();
    value(fsx.mkdir(root, "/shared", 0o777));
    value(fsx.chown(root, "/shared", 1002, 1002));
    const bob = as(1002, 1002);
    value(fsx.chmod(bob, "/shared", 0o1777));
    value(fsx.writeFile(as(1001, 1001), "/shared/a", ""));
    value(fsx.unlink(bob, "/shared/a"));
  });
});

describe("set-group-id directories", () => {
  it("give new entries their group, and new subdirectories S_ISGID", () => {
    const { root, as } = fixture(0o002);
    value(fsx.chmod(root, "/", 0o777));
    value(fsx.mkdir(root, "/team", 0o777));
    value(fsx.chown(root, "/team", 0, 993));
    value(fsx.chmod(root, "/team", 0o2777));
    const alice = as(1001, 1001);
    expect(value(fsx.writeFile(alice, "/team/f", ""))).toMatchObject({
      uid: 1001,
      gid: 993,
      mode: 0o100664,
    });
    expect(value(fsx.mkdir(alice, "/team/sub"))).toMatchObject({
      uid: 1001,
      gid: 993,
      mode: 0o042775,
    });
    expect(value(fsx.writeFile(alice, "/team/sub/g", ""))).toMatchObject({ gid: 993 });
    expect(value(fsx.symlink(alice, "f", "/team/l"))).toMatchObject({ gid: 993, mode: 0o120777 });
    expect(value(fsx.writeFile(alice, "/plain", ""))).toMatchObject({ gid: 1001 });
  });
  it("lose S_ISGID on chmod by an owner outside the group", () => {
    const { root, as } = fixture();
    value(fsx.mkdir(root, "/d", 0o777));
    value(fsx.chown(root, "/d", 1001, 993));
    expect(value(fsx.chmod(as(1001, 1001), "/d", 0o2775)).mode).toBe(0o040775);
    expect(value(fsx.chmod(as(1001, 1001, [993]), "/d", 0o2775)).mode).toBe(0o042775);
  });
});

describe("umask and ownership", () => {
  it("applies the session umask to files and directories", () => {
    const { root } = fixture(0o027);
    expect(value(fsx.mkdir(root, "/d", 0o777)).mode).toBe(0o040750);
    expect(value(fsx.writeFile(root, "/f", "", { mode: 0o666 })).mode).toBe(0o100640);
  });
  it("lets only root give files away; owners chgrp to their own groups", () => {
    const { root, as } = fixture();
    value(fsx.writeFile(root, "/f", ""));
    value(fsx.chown(root, "/f", 1001, 1001));
    const alice = as(1001, 1001, [993]);
    expect(fsx.chown(alice, "/f", 1002, -1)).toMatchObject({ errno: "EPERM" });
    expect(value(fsx.chown(alice, "/f", -1, 993)).gid).toBe(993);
    expect(fsx.chown(alice, "/f", -1, 1002)).toMatchObject({ errno: "EPERM" });
    expect(fsx.chmod(as(1002, 1002), "/f", 0o777)).toMatchObject({ errno: "EPERM" });
  });
});

describe("read-only sessions (no ClientWrite)", () => {
  it("refuse every modification with EROFS and still read", () => {
    const { root, as } = fixture();
    value(fsx.mkdir(root, "/d", 0o777));
    value(fsx.writeFile(root, "/d/f", "data", { mode: 0o666 }));
    for (const session of [as(0, 0, [], true), as(1001, 1001, [], true)]) {
      const refused = [
        fsx.mkdir(session, "/d/new"),
        fsx.writeFile(session, "/d/f", "x"),
        fsx.writeFile(session, "/d/new", "x"),
        fsx.writeAt(session, "/d/f", 0, "x"),
        fsx.truncate(session, "/d/f", 0),
        fsx.open(session, "/d/f", { read: true, truncate: true }),
        fsx.unlink(session, "/d/f"),
        fsx.rmdir(session, "/d"),
        fsx.rename(session, "/d/f", "/d/g"),
        fsx.link(session, "/d/f", "/d/g"),
        fsx.symlink(session, "f", "/d/l"),
        fsx.chmod(session, "/d/f", 0o600),
        fsx.chown(session, "/d/f", 0, 0),
        fsx.utimens(session, "/d/f"),
        fsx.access(session, "/d/f", fsx.W_OK),
      ];
      for (const result of refused) expect(result).toMatchObject({ ok: false, errno: "EROFS" });
      expect(new TextDecoder().decode(value(fsx.readFile(session, "/d/f")))).toBe("data");
      expect(fsx.open(session, "/d/f", { read: true, create: true }).ok).toBe(true);
      expect(value(fsx.readdir(session, "/d")).map((e) => e.name)).toEqual(["f"]);
    }
  });
  it("keep lookup errors ahead of EROFS", () => {
    const { root, as } = fixture();
    value(fsx.mkdir(root, "/d"));
    const session = as(1001, 1001, [], true);
    expect(fsx.mkdir(session, "/d")).toMatchObject({ errno: "EEXIST" });
    expect(fsx.unlink(session, "/missing")).toMatchObject({ errno: "ENOENT" });
    expect(fsx.writeFile(session, "/d/x/y", "")).toMatchObject({ errno: "ENOENT" });
  });
});
