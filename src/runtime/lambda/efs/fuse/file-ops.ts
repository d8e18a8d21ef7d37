/**
 * The FUSE requests on a file's attributes and contents: GETATTR, SETATTR
 * (mode, owner, size, times, in that order, each refused or allowed by the
 * data plane as chmod/chown/truncate/utimensat would be), OPEN and CREATE
 * (the open(2) permission check and O_CREAT/O_EXCL/O_TRUNC on the data
 * plane), READ, WRITE (at the offset, or at the end for O_APPEND, since
 * the `fs` preload may have grown the file meanwhile), RELEASE, and the
 * no-ops FLUSH and FSYNC (every write is already on the data plane).
 */
import * as tree from "../../../../services/efs/file-tree.js";
import type { BridgeOpenFlags, BridgeStat } from "../bridge-protocol.js";
import { attrOut } from "./attr.js";
import { entryFor } from "./entry-ops.js";
import { Fattr, FOPEN_DIRECT_IO, OPEN_OUT_SIZE, OpenBits } from "./opcodes.js";
import { EINVAL, ENOENT, type FuseVolume, type OpReply } from "./volume.js";
import { cStrings } from "./wire.js";

function pathOr(volume: FuseVolume, nodeId: number): string | number {
  return volume.nodes.pathOf(nodeId) ?? ENOENT;
}

/**
 * GETATTR.
 *
 * @example
 * getattr(volume, 1); // fuse_attr_out of the access point's root
 */
export function getattr(volume: FuseVolume, nodeId: number): OpReply {
  const path = pathOr(volume, nodeId);
  if (typeof path === "number") return path;
  const found = volume.lstat(path);
  return typeof found === "number" ? found : attrOut(found.value);
}

/**
 * SETATTR: applies what `valid` names, then answers the new attributes.
 *
 * @example
 * setattr(volume, 8, body);
 */
export function setattr(volume: FuseVolume, nodeId: number, body: Buffer): OpReply {
  const path = pathOr(volume, nodeId);
  if (typeof path === "number") return path;
  const valid = body.readUInt32LE(0);
  const steps: (() => { value: unknown } | number)[] = [];
  if (valid & Fattr.MODE)
    steps.push(() => volume.call({ op: "chmod", path, mode: body.readUInt32LE(68) & 0o7777 }));
  if (valid & (Fattr.UID | Fattr.GID)) {
    const uid = valid & Fattr.UID ? body.readUInt32LE(76) : undefined;
    const gid = valid & Fattr.GID ? body.readUInt32LE(80) : undefined;
    steps.push(() => volume.direct((s) => tree.chown(s, path, uid, gid)));
  }
  if (valid & Fattr.SIZE)
    steps.push(() => volume.call({ op: "truncate", path, size: Number(body.readBigUInt64LE(16)) }));
  if (valid & (Fattr.ATIME | Fattr.MTIME)) steps.push(() => setTimes(volume, path, valid, body));
  for (const step of steps) {
    const done = step();
    if (typeof done === "number") return done;
  }
  return getattr(volume, nodeId);
}

function setTimes(
  volume: FuseVolume,
  path: string,
  valid: number,
  body: Buffer,
): { value: unknown } | number {
  const bothNow =
    (!(valid & Fattr.ATIME) || valid & Fattr.ATIME_NOW) &&
    (!(valid & Fattr.MTIME) || valid & Fattr.MTIME_NOW);
  if (bothNow) return volume.direct((s) => tree.utimens(s, path));
  const current = volume.call<BridgeStat>({ op: "stat", path });
  if (typeof current === "number") return current;
  const now = volume.session.clock();
  const at = (flag: number, nowFlag: number, sec: number, nsec: number, kept: number) =>
    !(valid & flag)
      ? kept
      : valid & nowFlag
        ? now
        : Number(body.readBigUInt64LE(sec)) * 1000 + body.readUInt32LE(nsec) / 1e6;
  const times = {
    atimeMs: at(Fattr.ATIME, Fattr.ATIME_NOW, 32, 56, current.value.atimeMs),
    mtimeMs: at(Fattr.MTIME, Fattr.MTIME_NOW, 40, 60, current.value.mtimeMs),
  };
  return volume.direct((s) => tree.utimens(s, path, times));
}

/**
 * The data plane's open flags for open(2) `flags`.
 *
 * @example
 * openFlags(0o1101); // { write: true, create: true, truncate: true }
 */
export function openFlags(flags: number): BridgeOpenFlags {
  const access = flags & OpenBits.ACCMODE;
  return {
    read: access !== OpenBits.WRONLY,
    write: access === OpenBits.WRONLY || access === OpenBits.RDWR,
    ...(flags & OpenBits.CREAT ? { create: true } : {}),
    ...(flags & OpenBits.EXCL ? { exclusive: true } : {}),
    ...(flags & OpenBits.TRUNC ? { truncate: true } : {}),
    ...(flags & OpenBits.APPEND ? { append: true } : {}),
  };
}

function openOut(fh: number): Buffer {
  const out = Buffer.alloc(OPEN_OUT_SIZE);
  out.writeBigUInt64LE(BigInt(fh), 0);
  out.writeUInt32LE(FOPEN_DIRECT_IO, 8);
  return out;
}

/**
 * OPEN: checks and applies open(2) on the data plane, then hands out a handle.
 *
 * @example
 * open(volume, 8, body); // fuse_open_out, or EACCES
 */
export function open(volume: FuseVolume, nodeId: number, body: Buffer): OpReply {
  const path = pathOr(volume, nodeId);
  if (typeof path === "number") return path;
  const flags = body.readUInt32LE(0);
  const asked = openFlags(flags & ~(OpenBits.CREAT | OpenBits.EXCL));
  const opened = volume.call({ op: "open", path, flags: asked, mode: 0 });
  if (typeof opened === "number") return opened;
  return openOut(volume.handles.open({ kind: "file", nodeId, append: asked.append === true }));
}

/**
 * CREATE: open(2) with O_CREAT of `name` in `parent`; an entry and a handle.
 *
 * @example
 * create(volume, 1, body);
 */
export function create(volume: FuseVolume, parent: number, body: Buffer): OpReply {
  const flags = body.readUInt32LE(0);
  const mode = body.readUInt32LE(4) & 0o7777;
  const name = cStrings(body, 16)[0];
  const path = name === undefined ? undefined : volume.nodes.childPath(parent, name);
  if (path === undefined) return name === undefined ? EINVAL : ENOENT;
  const asked = { ...openFlags(flags), create: true };
  const opened = volume.call({ op: "open", path, flags: asked, mode });
  if (typeof opened === "number") return opened;
  const entry = entryFor(volume, path);
  if (!Buffer.isBuffer(entry)) return entry;
  const nodeId = Number(entry.readBigUInt64LE(0));
  const fh = volume.handles.open({ kind: "file", nodeId, append: asked.append === true });
  return Buffer.concat([entry, openOut(fh)]);
}

/**
 * READ: up to `size` bytes at `offset`.
 *
 * @example
 * read(volume, 8, body);
 */
export function read(volume: FuseVolume, nodeId: number, body: Buffer): OpReply {
  const path = pathOr(volume, nodeId);
  if (typeof path === "number") return path;
  const offset = Number(body.readBigUInt64LE(8));
  const length = body.readUInt32LE(16);
  const data = volume.call<string>({ op: "readFile", path, offset, length });
  return typeof data === "number" ? data : Buffer.from(data.value, "base64");
}

/**
 * WRITE: the data after `fuse_write_in`, at its offset (or appended).
 *
 * @example
 * write(volume, 8, body); // fuse_write_out { size }
 */
export function write(volume: FuseVolume, nodeId: number, body: Buffer): OpReply {
  const path = pathOr(volume, nodeId);
  if (typeof path === "number") return path;
  const handle = volume.handles.get(Number(body.readBigUInt64LE(0)));
  const offset = Number(body.readBigUInt64LE(8));
  const size = body.readUInt32LE(16);
  const data = body.subarray(40, 40 + size).toString("base64");
  const written =
    handle?.kind === "file" && handle.append
      ? volume.call({ op: "writeFile", path, data, append: true, create: false })
      : volume.call({ op: "writeAt", path, offset, data });
  if (typeof written === "number") return written;
  const out = Buffer.alloc(8);
  out.writeUInt32LE(Math.min(size, body.length - 40), 0);
  return out;
}

/**
 * RELEASE and RELEASEDIR: the handle ends.
 *
 * @example
 * release(volume, body);
 */
export function release(volume: FuseVolume, body: Buffer): OpReply {
  volume.handles.release(Number(body.readBigUInt64LE(0)));
  return Buffer.alloc(0);
}
