import { describe, expect, it } from "vitest";
import { makeIdentity } from "../../engines/posix/index.js";
import { memoryTree } from "../../store/memory/tree.js";
import type { FileSession, FsResult } from "./file-tree.js";
import * as fsx from "./file-tree.js";

/** A file system with /secret and an access point rooted at /ap (holding a file). */
function fixture() {
  const tree = memoryTree();
  let now = 0;
  fsx.initializeFileSystem(tree, 0);
  const admin: FileSession = {
    tree,
    identity: makeIdentity(0, 0),
    rootIno: fsx.ROOT_INO,
    readOnly: false,
    umask: 0o022,
    clock: () => ++now,
  };
  value(fsx.writeFile(admin, "/secret", "top"));
  const ap = value(fsx.mkdir(admin, "/ap", 0o777));
  value(fsx.writeFile(admin, "/ap/inside", "in"));
  const session: FileSession = { ...admin, rootIno: ap.ino };
  return { admin, session };
}

function value<T>(result: FsResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.errno}`);
  return result.value;
}

const text = (r: FsResult<Uint8Array>) => (r.ok ? new TextDecoder().decode(r.value) : r.errno);

describe("root confinement", () => {
  it("makes the access point's root the session's /", () => {
    const { session } = fixture();
    expect(text(fsx.readFile(session, "/inside"))).toBe("in");
    expect(text(fsx.readFile(session, "inside"))).toBe("in");
    expect(fsx.stat(session, "/secret")).toMatchObject({ errno: "ENOENT" });
    expect(fsx.stat(session, "/ap")).toMatchObject({ errno: "ENOENT" });
  });
  it("keeps `..` at the session root", () => {
    const { session } = fixture();
    expect(text(fsx.readFile(session, "/../secret"))).toBe("ENOENT");
    expect(text(fsx.readFile(session, "../../../inside"))).toBe("in");
    expect(value(fsx.stat(session, "/..")).ino).toBe(session.rootIno);
    value(fsx.mkdir(session, "/d"));
    expect(text(fsx.readFile(session, "/d/../../inside"))).toBe("in");
  });
  it("resolves an absolute symbolic link target from the session root", () => {
    const { session } = fixture();
    value(fsx.symlink(session, "/secret", "/abs"));
    value(fsx.symlink(session, "/inside", "/abs-in"));
    expect(text(fsx.readFile(session, "/abs"))).toBe("ENOENT");
    expect(text(fsx.readFile(session, "/abs-in"))).toBe("in");
  });
  it("keeps relative symbolic links that climb above the root inside it", () => {
    const { session } = fixture();
    value(fsx.mkdir(session, "/d"));
    value(fsx.symlink(session, "../../secret", "/d/up"));
    value(fsx.symlink(session, "../../../inside", "/d/up-in"));
    value(fsx.symlink(session, "../..", "/d/top"));
    expect(text(fsx.readFile(session, "/d/up"))).toBe("ENOENT");
    expect(text(fsx.readFile(session, "/d/up-in"))).toBe("in");
    expect(value(fsx.stat(session, "/d/top")).ino).toBe(session.rootIno);
    expect(text(fsx.readFile(session, "/d/top/../inside"))).toBe("in");
  });
  it("creates through a link to / inside the session, never above it", () => {
    const { admin, session } = fixture();
    value(fsx.symlink(session, "/", "/root-link"));
    value(fsx.writeFile(session, "/root-link/../new", "n"));
    expect(text(fsx.readFile(admin, "/ap/new"))).toBe("n");
    expect(fsx.stat(admin, "/new")).toMatchObject({ errno: "ENOENT" });
  });
  it("never lets rename or rmdir name the session root", () => {
    const { session } = fixture();
    expect(fsx.rename(session, "/..", "/x")).toMatchObject({ errno: "EBUSY" });
    expect(fsx.rmdir(session, "/")).toMatchObject({ errno: "EBUSY" });
    expect(fsx.rmdir(session, "/..")).toMatchObject({ errno: "ENOTEMPTY" });
  });
});

describe("symbolic link and name limits", () => {
  it("gives up with ELOOP after 40 links", () => {
    const { session } = fixture();
    value(fsx.symlink(session, "self", "/self"));
    expect(fsx.stat(session, "/self")).toMatchObject({ errno: "ELOOP" });
    value(fsx.writeFile(session, "/l0", "end"));
    for (let i = 1; i <= 41; i++) value(fsx.symlink(session, `l${i - 1}`, `/l${i}`));
    expect(text(fsx.readFile(session, "/l40"))).toBe("end");
    expect(text(fsx.readFile(session, "/l41"))).toBe("ELOOP");
    expect(value(fsx.lstat(session, "/l41")).type).toBe("symlink");
  });
  it("counts links in the middle of a path too", () => {
    const { session } = fixture();
    value(fsx.mkdir(session, "/d0"));
    value(fsx.writeFile(session, "/d0/f", "deep"));
    for (let i = 1; i <= 41; i++) value(fsx.symlink(session, `d${i - 1}`, `/d${i}`));
    expect(text(fsx.readFile(session, "/d40/f"))).toBe("deep");
    expect(text(fsx.readFile(session, "/d41/f"))).toBe("ELOOP");
  });
  it("refuses names over 255 bytes and paths of 4096 bytes or more", () => {
    const { session } = fixture();
    expect(fsx.mkdir(session, `/${"x".repeat(255)}`).ok).toBe(true);
    expect(fsx.mkdir(session, `/${"x".repeat(256)}`)).toMatchObject({ errno: "ENAMETOOLONG" });
    expect(fsx.stat(session, `/${"x".repeat(256)}/f`)).toMatchObject({ errno: "ENAMETOOLONG" });
    expect(fsx.stat(session, `/${"a/".repeat(2048)}`)).toMatchObject({ errno: "ENAMETOOLONG" });
    expect(fsx.stat(session, "")).toMatchObject({ errno: "ENOENT" });
  });
});
