/**
 * The serve side of the bridge: one request run on a mount's data-plane
 * session (`services/efs/file-tree`), inside a store transaction, with the
 * mapped identity the mount gave. Paths arrive relative to the mount
 * (the session's root, which `..` cannot climb above). Adds what the data
 * plane has no single call for: `mkdir -p`, `rm -r`/`rm -f`.
 */
import type { ServiceContext } from "../../../services/context.js";
import type { FileSession, FileStat, FsResult } from "../../../services/efs/file-tree.js";
import * as tree from "../../../services/efs/file-tree.js";
import type { BridgeDirent, BridgeRequest, BridgeStat } from "./bridge-protocol.js";

/** An answer before it gets its id. */
export type OpResult = { ok: true; value: unknown } | { ok: false; errno: string };

const ok = (value: unknown): OpResult => ({ ok: true, value });

function answer<T>(result: FsResult<T>, map: (value: T) => unknown = () => null): OpResult {
  return result.ok ? ok(map(result.value)) : { ok: false, errno: result.errno };
}

/**
 * The bridge's view of a stat.
 *
 * @example
 * bridgeStat(stat); // { ino: 2, mode: 0o100644, uid: 0, … }
 */
export function bridgeStat(s: FileStat): BridgeStat {
  return {
    ino: s.ino,
    mode: s.mode,
    uid: s.uid,
    gid: s.gid,
    nlink: s.nlink,
    size: s.size,
    atimeMs: s.atimeMs,
    mtimeMs: s.mtimeMs,
    ctimeMs: s.ctimeMs,
  };
}

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, "base64"));

/**
 * Runs one request on a session.
 *
 * @example
 * runOp(ctx, mount.session, { op: "stat", path: "/first.txt" }); // { ok: true, value: { uid: 0, … } }
 */
export function runOp(ctx: ServiceContext, session: FileSession, request: BridgeRequest): OpResult {
  return ctx.store.transaction(() => dispatch(session, request));
}

function dispatch(session: FileSession, r: BridgeRequest): OpResult {
  switch (r.op) {
    case "stat":
      return answer(tree.stat(session, r.path), bridgeStat);
    case "lstat":
      return answer(tree.lstat(session, r.path), bridgeStat);
    case "readdir":
      return answer(tree.readdir(session, r.path), (items) =>
        items.map((i): BridgeDirent => ({ name: i.name, type: i.type })),
      );
    case "readlink":
      return answer(tree.readlink(session, r.path), (target) => target);
    case "unlink":
      return answer(tree.unlink(session, r.path));
    case "rmdir":
      return answer(tree.rmdir(session, r.path));
    case "readFile":
      return answer(
        tree.readFile(session, r.path, {
          ...(r.offset !== undefined ? { offset: r.offset } : {}),
          ...(r.length !== undefined ? { length: r.length } : {}),
        }),
        (data) => Buffer.from(data).toString("base64"),
      );
    case "writeFile":
      return answer(
        tree.writeFile(session, r.path, bytes(r.data), {
          ...(r.append !== undefined ? { append: r.append } : {}),
          ...(r.exclusive !== undefined ? { exclusive: r.exclusive } : {}),
          ...(r.create !== undefined ? { create: r.create } : {}),
          ...(r.truncate !== undefined ? { truncate: r.truncate } : {}),
          ...(r.mode !== undefined ? { mode: r.mode } : {}),
        }),
        bridgeStat,
      );
    case "writeAt":
      return answer(tree.writeAt(session, r.path, r.offset, bytes(r.data)), bridgeStat);
    case "open":
      return answer(tree.open(session, r.path, r.flags, r.mode), (o) => bridgeStat(o.stat));
    case "mkdir":
      return r.recursive
        ? mkdirp(session, r.path, r.mode)
        : answer(tree.mkdir(session, r.path, r.mode));
    case "rm":
      return remove(session, r.path, r.recursive, r.force);
    case "rename":
      return answer(tree.rename(session, r.path, r.to));
    case "access":
      return answer(tree.access(session, r.path, r.mode));
    case "chmod":
      return answer(tree.chmod(session, r.path, r.mode));
    case "chown":
      return answer(tree.chown(session, r.path, r.uid, r.gid));
    case "truncate":
      return answer(tree.truncate(session, r.path, r.size));
    case "symlink":
      return answer(tree.symlink(session, r.target, r.path));
  }
}

/** `mkdir -p`: creates each missing component; answers the first path created (Node's value). */
function mkdirp(session: FileSession, path: string, mode: number): OpResult {
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  let current = "";
  let first: string | undefined;
  for (const part of parts) {
    current = `${current}/${part}`;
    const found = tree.stat(session, current);
    if (found.ok) {
      if (found.value.type !== "directory") return { ok: false, errno: "ENOTDIR" };
      continue;
    }
    if (found.errno !== "ENOENT") return { ok: false, errno: found.errno };
    const made = tree.mkdir(session, current, mode);
    if (!made.ok) return { ok: false, errno: made.errno };
    first ??= current;
  }
  return ok(first ?? null);
}

/** `rm` as Node's `rmSync` does it: `force` ignores a missing path, `recursive` empties directories. */
function remove(session: FileSession, path: string, recursive: boolean, force: boolean): OpResult {
  const found = tree.lstat(session, path);
  if (!found.ok) return force && found.errno === "ENOENT" ? ok(null) : answer(found);
  if (found.value.type !== "directory") return answer(tree.unlink(session, path));
  if (!recursive) return { ok: false, errno: "ERR_FS_EISDIR" };
  const listed = tree.readdir(session, path);
  if (!listed.ok) return answer(listed);
  for (const item of listed.value) {
    const inner = remove(session, `${path.replace(/\/$/, "")}/${item.name}`, true, false);
    if (!inner.ok) return inner;
  }
  return answer(tree.rmdir(session, path));
}
