/**
 * The FUSE requests that resolve or change names in a directory: LOOKUP,
 * MKNOD (regular files only, as on an NFS mount of EFS), MKDIR, SYMLINK,
 * LINK, UNLINK, RMDIR, RENAME, READLINK and the FORGETs. Each runs on the
 * data plane as the mount's mapped identity, by the path the node table
 * gives, and answers with a `fuse_entry_out` for the new name where the
 * kernel expects one.
 */
import * as tree from "../../../../services/efs/file-tree.js";
import { bridgeStat } from "../bridge-ops.js";
import { entryOut } from "./attr.js";
import { EINVAL, ENOENT, type FuseVolume, type OpReply } from "./volume.js";
import { cStrings } from "./wire.js";

/** EPERM: mknod of anything but a regular file (EFS stores no devices or FIFOs through accesslab). */
const EPERM = 1;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

/**
 * The entry reply for `path` just made or found (counts one lookup).
 *
 * @example
 * entryFor(volume, "/a.txt");
 */
export function entryFor(volume: FuseVolume, path: string): OpReply {
  const found = volume.lstat(path);
  if (typeof found === "number") return found;
  return entryOut(volume.nodes.remember(path, found.value.ino), found.value);
}

function child(volume: FuseVolume, parent: number, name: string | undefined): string | number {
  if (name === undefined) return EINVAL;
  return volume.nodes.childPath(parent, name) ?? ENOENT;
}

/**
 * LOOKUP: `name` in directory node `parent`.
 *
 * @example
 * lookup(volume, 1, body); // fuse_entry_out, or ENOENT
 */
export function lookup(volume: FuseVolume, parent: number, body: Buffer): OpReply {
  const path = child(volume, parent, cStrings(body, 0)[0]);
  if (typeof path === "number") return path;
  const found = volume.direct((s) => tree.lookup(s, path));
  if (typeof found === "number") return found;
  const stat = bridgeStat(found.value);
  return entryOut(volume.nodes.remember(path, stat.ino), stat);
}

/**
 * FORGET and BATCH_FORGET: the kernel gives node references back; no reply.
 *
 * @example
 * forget(volume, 8, body, false);
 */
export function forget(volume: FuseVolume, nodeId: number, body: Buffer, batch: boolean): OpReply {
  if (!batch) {
    volume.nodes.forget(nodeId, Number(body.readBigUInt64LE(0)));
    return null;
  }
  const count = body.readUInt32LE(0);
  for (let i = 0; i < count && 8 + i * 16 + 16 <= body.length; i++) {
    const at = 8 + i * 16;
    volume.nodes.forget(Number(body.readBigUInt64LE(at)), Number(body.readBigUInt64LE(at + 8)));
  }
  return null;
}

/**
 * MKNOD (regular files) and MKDIR.
 *
 * @example
 * make(volume, 1, body, "directory");
 */
export function make(
  volume: FuseVolume,
  parent: number,
  body: Buffer,
  kind: "file" | "directory",
): OpReply {
  const mode = body.readUInt32LE(0);
  const path = child(volume, parent, cStrings(body, kind === "file" ? 16 : 8)[0]);
  if (typeof path === "number") return path;
  if (kind === "file" && (mode & S_IFMT) !== S_IFREG) return EPERM;
  const made =
    kind === "file"
      ? volume.call({
          op: "open",
          path,
          flags: { write: true, create: true, exclusive: true },
          mode: mode & 0o7777,
        })
      : volume.call({ op: "mkdir", path, mode: mode & 0o7777, recursive: false });
  return typeof made === "number" ? made : entryFor(volume, path);
}

/**
 * SYMLINK: the entry's name, then the link's target.
 *
 * @example
 * symlink(volume, 1, Buffer.from("up\0../..\0"));
 */
export function symlink(volume: FuseVolume, parent: number, body: Buffer): OpReply {
  const [name, target] = cStrings(body, 0);
  const path = child(volume, parent, name);
  if (typeof path === "number") return path;
  if (target === undefined) return EINVAL;
  const made = volume.call({ op: "symlink", path, target });
  return typeof made === "number" ? made : entryFor(volume, path);
}

/**
 * LINK: a new name in `parent` for node `oldnodeid`.
 *
 * @example
 * link(volume, 1, body);
 */
export function link(volume: FuseVolume, parent: number, body: Buffer): OpReply {
  const existing = volume.nodes.pathOf(Number(body.readBigUInt64LE(0)));
  const path = child(volume, parent, cStrings(body, 8)[0]);
  if (typeof path === "number") return path;
  if (existing === undefined) return ENOENT;
  const made = volume.direct((s) => tree.link(s, existing, path));
  return typeof made === "number" ? made : entryFor(volume, path);
}

/**
 * UNLINK and RMDIR.
 *
 * @example
 * remove(volume, 1, Buffer.from("a.txt\0"), "unlink");
 */
export function remove(
  volume: FuseVolume,
  parent: number,
  body: Buffer,
  op: "unlink" | "rmdir",
): OpReply {
  const path = child(volume, parent, cStrings(body, 0)[0]);
  if (typeof path === "number") return path;
  const done = volume.call({ op, path });
  return typeof done === "number" ? done : Buffer.alloc(0);
}

/**
 * RENAME (and RENAME2 without flags): old name in `parent`, new name in `newdir`.
 *
 * @example
 * rename(volume, 1, body, false);
 */
export function rename(volume: FuseVolume, parent: number, body: Buffer, two: boolean): OpReply {
  const newDir = Number(body.readBigUInt64LE(0));
  if (two && body.readUInt32LE(8) !== 0) return EINVAL;
  const [from, to] = cStrings(body, two ? 16 : 8);
  const path = child(volume, parent, from);
  const target = child(volume, newDir, to);
  if (typeof path === "number") return path;
  if (typeof target === "number") return target;
  const done = volume.call({ op: "rename", path, to: target });
  if (typeof done === "number") return done;
  volume.nodes.moved(path, target);
  return Buffer.alloc(0);
}

/**
 * READLINK: the target's bytes, without a NUL.
 *
 * @example
 * readlink(volume, 9); // Buffer "../.."
 */
export function readlink(volume: FuseVolume, nodeId: number): OpReply {
  const path = volume.nodes.pathOf(nodeId);
  if (path === undefined) return ENOENT;
  const target = volume.call<string>({ op: "readlink", path });
  return typeof target === "number" ? target : Buffer.from(target.value, "utf8");
}
