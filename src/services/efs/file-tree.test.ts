import { describe, expect, it } from "vitest";
import { makeIdentity } from "../../engines/posix/index.js";
import { memoryTree } from "../../store/memory/tree.js";
import type { FileSession, FsResult } from "./file-tree.js";
import * as fsx from "./file-tree.js";

function fixture(umask = 0o022) {
  const tree = memoryTree();
  let now = 1_000;
  const clock = () => (now += 10);
  fsx.initializeFileSystem(tree, 0);
  const as = (uid: number, gid: number, groups: number[] = []): FileSession => ({
    tree,
    identity: makeIdentity(uid, gid, groups),
    rootIno: fsx.ROOT_INO,
    readOnly: false,
    umask,
    clock,
  });
  return { tree, root: as(0, 0), as };
}

function value<T>(result: FsResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.errno}`);
  return result.value;
}

const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe("initializeFileSystem", () => {
  it("creates root:root 0755 as inode 1, once", () => {
    const tree = memoryTree();
    const root = fsx.initializeFileSystem(tree, 5);
    expect(root).toMatchObject({ ino: 1, mode: 0o040755, uid: 0, gid: 0, nlink: 2, mtimeMs: 5 });
    expect(fsx.initializeFileSystem(tree, 99)).toEqual(root);
    expect(tree.allocateIno()).toBe(2);
  });
});

describe("stat, lstat, access", () => {
  it("follows links for stat, not for lstat", () => {
    const { root } = fixture();
    value(fsx.writeFile(root, "/f", "abc"));
    value(fsx.symlink(root, "f", "/l"));
    expect(value(fsx.stat(root, "/l"))).toMatchObject({ type: "file", size: 3 });
    expect(value(fsx.lstat(root, "/l"))).toMatchObject({ type: "symlink", size: 1, target: "f" });
    expect(value(fsx.lookup(root, "/l")).type).toBe("symlink");
  });
  it("reports ENOENT and ENOTDIR with the path", () => {
    const { root } = fixture();
    value(fsx.writeFile(root, "/f", ""));
    expect(fsx.stat(root, "/missing")).toEqual({ ok: false, errno: "ENOENT", path: "/missing" });
    expect(fsx.stat(root, "/f/x")).toEqual({ ok: false, errno: "ENOTDIR", path: "/f/x" });
    expect(fsx.stat(root, "/f/")).toEqual({ ok: false, errno: "ENOTDIR", path: "/f/" });
  });
  it("checks access bits, F_OK only existence", () => {
    const { root, as } = fixture();
    value(fsx.writeFile(root, "/f", "", { mode: 0o640 }));
    const alice = as(1001, 1001);
    expect(fsx.access(alice, "/f").ok).toBe(true);
    expect(fsx.access(alice, "/f", fsx.R_OK)).toMatchObject({ ok: false, errno: "EACCES" });
    expect(fsx.access(root, "/f", fsx.R_OK | fsx.W_OK).ok).toBe(true);
    expect(fsx.access(root, "/f", fsx.X_OK)).toMatchObject({ ok: false, errno: "EACCES" });
  });
});

describe("mkdir and rmdir", () => {
  it("keeps directory link counts at 2 + subdirectories", () => {
    const { root } = fixture();
    value(fsx.mkdir(root, "/a"));
    value(fsx.mkdir(root, "/a/b"));
    value(fsx.mkdir(root, "/a/c/"));
    expect(value(fsx.stat(root, "/")).nlink).toBe(3);
    expect(value(fsx.stat(root, "/a")).nlink).toBe(4);
    value(fsx.rmdir(root, "/a/b"));
    expect(value(fsx.stat(root, "/a")).nlink).toBe(3);
  });
  it("refuses existing names, dots and non-empty directories as Linux does", () => {
    const { root } = fixture();
    value(fsx.mkdir(root, "/a"));
    value(fsx.writeFile(root, "/a/f", ""));
    expect(fsx.mkdir(root, "/a")).toMatchObject({ errno: "EEXIST" });
    expect(fsx.mkdir(root, "/a/.")).toMatchObject({ errno: "EEXIST" });
    expect(fsx.mkdir(root, "/")).toMatchObject({ errno: "EEXIST" });
    expect(fsx.rmdir(root, "/a")).toMatchObject({ errno: "ENOTEMPTY" });
    expect(fsx.rmdir(root, "/a/f")).toMatchObject({ errno: "ENOTDIR" });
    expect(fsx.rmdir(root, "/a/.")).toMatchObject({ errno: "EINVAL" });
    expect(fsx.rmdir(root, "/a/..")).toMatchObject({ errno: "ENOTEMPTY" });
    expect(fsx.rmdir(root, "/")).toMatchObject({ errno: "EBUSY" });
  });
  it("stamps the parent's mtime and ctime", () => {
    const { root } = fixture();
    const before = value(fsx.stat(root, "/"));
    const made = value(fsx.mkdir(root, "/a"));
    const after = value(fsx.stat(root, "/"));
    expect(after.mtimeMs).toBeGreaterThan(before.mtimeMs);
    expect(after.mtimeMs).toBe(made.ctimeMs);
  });
});

describe("open, writeFile, readFile, writeAt, truncate", () => {
  it("creates, truncates and appends like O_CREAT, O_TRUNC, O_APPEND", () => {
    const { root } = fixture();
    expect(value(fsx.writeFile(root, "/f", "hello\n", { mode: 0o644 }))).toMatchObject({
      mode: 0o100644,
      size: 6,
    });
    value(fsx.writeFile(root, "/f", "more\n", { append: true }));
    expect(text(value(fsx.readFile(root, "/f")))).toBe("hello\nmore\n");
    value(fsx.writeFile(root, "/f", "x"));
    expect(text(value(fsx.readFile(root, "/f")))).toBe("x");
    value(fsx.writeFile(root, "/f", "ab", { truncate: false }));
    expect(value(fsx.stat(root, "/f")).size).toBe(2);
  });
  it("honours O_EXCL and refuses O_CREAT on directories and trailing slashes", () => {
    const { root } = fixture();
    value(fsx.mkdir(root, "/d"));
    value(fsx.writeFile(root, "/f", ""));
    expect(fsx.writeFile(root, "/f", "", { exclusive: true })).toMatchObject({ errno: "EEXIST" });
    expect(fsx.open(root, "/d", { create: true })).toMatchObject({ errno: "EISDIR" });
    expect(fsx.open(root, "/new/", { create: true })).toMatchObject({ errno: "EISDIR" });
    expect(fsx.writeFile(root, "/missing", "", { create: false })).toMatchObject({
      errno: "ENOENT",
    });
  });
  it("creates the target of a dangling symbolic link, but not with O_EXCL", () => {
    const { root } = fixture();
    value(fsx.symlink(root, "target", "/link"));
    expect(fsx.writeFile(root, "/link", "x", { exclusive: true })).toMatchObject({
      errno: "EEXIST",
    });
    value(fsx.writeFile(root, "/link", "x"));
    expect(text(value(fsx.readFile(root, "/target")))).toBe("x");
  });
  it("does not check a file it just created, so mode 0444 still takes the first write", () => {
    const { root, as } = fixture();
    value(fsx.chmod(root, "/", 0o777));
    const alice = as(1001, 1001);
    expect(value(fsx.writeFile(alice, "/ro", "x", { mode: 0o444 }))).toMatchObject({ size: 1 });
    expect(fsx.writeFile(alice, "/ro", "y")).toMatchObject({ errno: "EACCES" });
    expect(fsx.open(alice, "/ro", { read: true, truncate: true })).toMatchObject({
      errno: "EACCES",
    });
  });
  it("writes at an offset and fills holes with zeros; truncate drops or adds zeros", () => {
    const { root } = fixture();
    value(fsx.writeFile(root, "/f", "ab"));
    value(fsx.writeAt(root, "/f", 4, "cd"));
    expect([...value(fsx.readFile(root, "/f"))]).toEqual([97, 98, 0, 0, 99, 100]);
    value(fsx.truncate(root, "/f", 1));
    value(fsx.truncate(root, "/f", 3));
    expect([...value(fsx.readFile(root, "/f"))]).toEqual([97, 0, 0]);
    expect(fsx.truncate(root, "/", 0)).toMatchObject({ errno: "EISDIR" });
    expect(fsx.writeAt(root, "/f", -1, "x")).toMatchObject({ errno: "EINVAL" });
  });
  it("reads ranges, and refuses to read a directory with EISDIR", () => {
    const { root } = fixture();
    value(fsx.writeFile(root, "/f", "0123456789"));
    expect(text(value(fsx.readFile(root, "/f", { offset: 3, length: 4 })))).toBe("3456");
    expect(fsx.readFile(root, "/")).toMatchObject({ errno: "EISDIR" });
  });
  it("clears set-user-id when a non-root user writes, not on an empty write", () => {
    const { root, as } = fixture();
    value(fsx.writeFile(root, "/f", "", { mode: 0o4777 }));
    value(fsx.chmod(root, "/f", 0o4777));
    const alice = as(1001, 1001);
    value(fsx.writeAt(alice, "/f", 0, ""));
    expect(value(fsx.stat(root, "/f")).mode).toBe(0o104777);
    value(fsx.writeAt(alice, "/f", 0, "x"));
    expect(value(fsx.stat(root, "/f")).mode).toBe(0o100777);
  });
});

describe("unlink, link, rename", () => {
  it("counts hard links and frees the inode with its last name", () => {
    const { root, tree } = fixture();
    const ino = value(fsx.writeFile(root, "/a", "data")).ino;
    expect(value(fsx.link(root, "/a", "/b")).nlink).toBe(2);
    value(fsx.unlink(root, "/a"));
    expect(value(fsx.stat(root, "/b"))).toMatchObject({ ino, nlink: 1 });
    value(fsx.unlink(root, "/b"));
    expect(tree.getInode(ino)).toBeUndefined();
  });
  it("refuses to unlink directories and to link them", () => {
    const { root } = fixture();
    value(fsx.mkdir(root, "/d"));
    expect(fsx.unlink(root, "/d")).toMatchObject({ errno: "EISDIR" });
    expect(fsx.link(root, "/d", "/e")).toMatchObject({ errno: "EPERM" });
    expect(fsx.link(root, "/missing", "/e")).toMatchObject({ errno: "ENOENT", path: "/missing" });
  });
  it("links a symbolic link itself, not its target", () => {
    const { root } = fixture();
    value(fsx.symlink(root, "nowhere", "/l"));
    expect(value(fsx.link(root, "/l", "/m"))).toMatchObject({ type: "symlink", nlink: 2 });
  });
  it("replaces targets, moves directories between parents and keeps link counts", () => {
    const { root } = fixture();
    value(fsx.mkdir(root, "/a"));
    value(fsx.mkdir(root, "/b"));
    value(fsx.mkdir(root, "/a/sub"));
    value(fsx.rename(root, "/a/sub", "/b/sub"));
    expect(value(fsx.stat(root, "/a")).nlink).toBe(2);
    expect(value(fsx.stat(root, "/b")).nlink).toBe(3);
    value(fsx.mkdir(root, "/empty"));
    value(fsx.rename(root, "/b/sub", "/empty"));
    expect(value(fsx.stat(root, "/")).nlink).toBe(5);
    expect(value(fsx.stat(root, "/b")).nlink).toBe(2);
    expect(fsx.stat(root, "/b/sub")).toMatchObject({ errno: "ENOENT" });
    value(fsx.writeFile(root, "/f", "1"));
    value(fsx.writeFile(root, "/g", "2"));
    value(fsx.rename(root, "/f", "/g"));
    expect(text(value(fsx.readFile(root, "/g")))).toBe("1");
  });
  it("refuses moving a directory into itself and replacing an ancestor", () => {
    const { root } = fixture();
    value(fsx.mkdir(root, "/a"));
    value(fsx.mkdir(root, "/a/b"));
    expect(fsx.rename(root, "/a", "/a/b/c")).toMatchObject({ errno: "EINVAL" });
    expect(fsx.rename(root, "/a/b", "/a")).toMatchObject({ errno: "ENOTEMPTY" });
    expect(fsx.rename(root, "/", "/x")).toMatchObject({ errno: "EBUSY" });
    value(fsx.writeFile(root, "/a/b/f", ""));
    expect(fsx.rename(root, "/a", "/a/b/f")).toMatchObject({ errno: "EINVAL" });
  });
  it("treats renaming onto the same inode as a successful no-op", () => {
    const { root } = fixture();
    value(fsx.writeFile(root, "/a", ""));
    value(fsx.link(root, "/a", "/b"));
    value(fsx.rename(root, "/a", "/b"));
    value(fsx.rename(root, "/a", "/a"));
    expect(value(fsx.stat(root, "/a")).nlink).toBe(2);
  });
});

describe("symlink, readlink, readdir", () => {
  it("stores targets verbatim and reads them back", () => {
    const { root } = fixture();
    value(fsx.symlink(root, "../../outside", "/l"));
    expect(value(fsx.readlink(root, "/l"))).toBe("../../outside");
    expect(fsx.readlink(root, "/")).toMatchObject({ errno: "EINVAL" });
    expect(fsx.symlink(root, "", "/e")).toMatchObject({ errno: "ENOENT" });
    expect(fsx.symlink(root, "x", "/l")).toMatchObject({ errno: "EEXIST" });
  });
  it("lists names sorted, with types, through a link to the directory", () => {
    const { root } = fixture();
    value(fsx.mkdir(root, "/d"));
    value(fsx.writeFile(root, "/d/b", ""));
    value(fsx.symlink(root, "b", "/d/a"));
    value(fsx.symlink(root, "d", "/ld"));
    expect(value(fsx.readdir(root, "/ld")).map(({ name, type }) => [name, type])).toEqual([
      ["a", "symlink"],
      ["b", "file"],
    ]);
    expect(fsx.readdir(root, "/d/b")).toMatchObject({ errno: "ENOTDIR" });
  });
});

describe("chmod, chown, utimens, statfs", () => {
  it("changes mode and ownership through links and stamps ctime", () => {
    const { root } = fixture();
    value(fsx.writeFile(root, "/f", ""));
    value(fsx.symlink(root, "f", "/l"));
    const before = value(fsx.stat(root, "/f")).ctimeMs;
    expect(value(fsx.chmod(root, "/l", 0o2750)).mode).toBe(0o102750);
    expect(value(fsx.chown(root, "/l", 1001, -1))).toMatchObject({
      uid: 1001,
      gid: 0,
      mode: 0o100750,
    });
    expect(value(fsx.stat(root, "/f")).ctimeMs).toBeGreaterThan(before);
  });
  it("sets explicit times or now", () => {
    const { root } = fixture();
    value(fsx.writeFile(root, "/f", ""));
    expect(value(fsx.utimens(root, "/f", { atimeMs: 1, mtimeMs: 2 }))).toMatchObject({
      atimeMs: 1,
      mtimeMs: 2,
    });
    const now = value(fsx.utimens(root, "/f"));
    expect(now.atimeMs).toBe(now.ctimeMs);
  });
  it("reports nominal file-system figures", () => {
    const { root } = fixture();
    expect(value(fsx.statfs(root))).toMatchObject({ nameMax: 255, blockSize: 1048576 });
  });
});
