import { describe, expect, it } from "vitest";
import { makeIdentity } from "../../../engines/posix/identity.js";
import { runOp } from "./bridge-ops.js";
import { testFileSystem } from "./session.test-support.js";

const setup = (uid = 1000, readOnly = false) => testFileSystem({ uid, readOnly });

const text = (base64: unknown) => Buffer.from(String(base64), "base64").toString("utf8");

describe("runOp", () => {
  it("writes and reads as the session's identity", () => {
    const { ctx, session } = setup();
    const data = Buffer.from("hello\n").toString("base64");
    expect(runOp(ctx, session, { op: "writeFile", path: "/a.txt", data })).toMatchObject({
      ok: true,
      value: { uid: 1000, gid: 1000, size: 6 },
    });
    const read = runOp(ctx, session, { op: "readFile", path: "/a.txt", offset: 1, length: 3 });
    expect(read.ok && text(read.value)).toBe("ell");
  });

  it("keeps `..` inside the session's root", () => {
    const { ctx, root, session } = setup();
    runOp(ctx, root, { op: "writeFile", path: "/outside.txt", data: "" });
    const listed = runOp(ctx, session, { op: "readdir", path: "/../../.." });
    expect(listed).toEqual({ ok: true, value: [] });
    expect(runOp(ctx, session, { op: "stat", path: "/../outside.txt" })).toEqual({
      ok: false,
      errno: "ENOENT",
    });
  });

  it("makes parents with mkdir -p, answering the first directory made", () => {
    const { ctx, session } = setup();
    expect(
      runOp(ctx, session, { op: "mkdir", path: "/a/b/c", mode: 0o755, recursive: true }),
    ).toEqual({
      ok: true,
      value: "/a",
    });
    expect(
      runOp(ctx, session, { op: "mkdir", path: "/a/b", mode: 0o755, recursive: true }),
    ).toEqual({
      ok: true,
      value: null,
    });
  });

  it("removes trees with rm -r, refuses a directory without it, and ignores a missing path with force", () => {
    const { ctx, session } = setup();
    runOp(ctx, session, { op: "mkdir", path: "/d/e", mode: 0o755, recursive: true });
    runOp(ctx, session, { op: "writeFile", path: "/d/e/f.txt", data: "" });
    expect(runOp(ctx, session, { op: "rm", path: "/d", recursive: false, force: false })).toEqual({
      ok: false,
      errno: "ERR_FS_EISDIR",
    });
    expect(runOp(ctx, session, { op: "rm", path: "/d", recursive: true, force: false }).ok).toBe(
      true,
    );
    expect(runOp(ctx, session, { op: "stat", path: "/d" })).toMatchObject({ errno: "ENOENT" });
    expect(runOp(ctx, session, { op: "rm", path: "/d", recursive: false, force: true }).ok).toBe(
      true,
    );
  });

  it("refuses writes with EROFS on a read-only mount and EACCES on a root-owned file", () => {
    const { ctx, root, session } = setup();
    runOp(ctx, root, { op: "writeFile", path: "/ap/first.txt", data: "", mode: 0o700 });
    const readOnly = { ...session, readOnly: true };
    expect(runOp(ctx, readOnly, { op: "writeFile", path: "/x", data: "" })).toEqual({
      ok: false,
      errno: "EROFS",
    });
    const other = { ...root, identity: makeIdentity(1001, 1001) };
    expect(
      runOp(ctx, other, { op: "writeFile", path: "/ap/first.txt", data: "", append: true }),
    ).toEqual({ ok: false, errno: "EACCES" });
  });
});
