/**
 * The FUSE requests on directories and the file system as a whole:
 * OPENDIR (lists the directory once, with read permission checked as the
 * data plane's readdir checks it, so `ls` of an unreadable directory says
 * `Permission denied`), READDIR (serves that listing by offset, `.` and
 * `..` first), ACCESS (access(2) with the mapped identity) and STATFS
 * (EFS's nominal figures).
 */
import * as tree from "../../../../services/efs/file-tree.js";
import { type DirEntry, packDirents } from "./dirent.js";
import { OPEN_OUT_SIZE, STATFS_OUT_SIZE } from "./opcodes.js";
import { ENOENT, type FuseVolume, type OpReply } from "./volume.js";

/**
 * OPENDIR: takes the listing and hands out a handle.
 *
 * @example
 * opendir(volume, 1); // fuse_open_out
 */
export function opendir(volume: FuseVolume, nodeId: number): OpReply {
  const path = volume.nodes.pathOf(nodeId);
  if (path === undefined) return ENOENT;
  const self = volume.lstat(path);
  if (typeof self === "number") return self;
  const items = volume.direct((s) => tree.readdir(s, path));
  if (typeof items === "number") return items;
  const listing: DirEntry[] = [
    { name: ".", ino: self.value.ino, type: "directory" },
    { name: "..", ino: self.value.ino, type: "directory" },
    ...items.value.map((i) => ({ name: i.name, ino: i.ino, type: i.type })),
  ];
  const out = Buffer.alloc(OPEN_OUT_SIZE);
  out.writeBigUInt64LE(BigInt(volume.handles.open({ kind: "directory", nodeId, listing })), 0);
  return out;
}

/**
 * READDIR: entries from the offset that fit the size asked for.
 *
 * @example
 * readdir(volume, body);
 */
export function readdir(volume: FuseVolume, body: Buffer): OpReply {
  const handle = volume.handles.get(Number(body.readBigUInt64LE(0)));
  if (handle?.kind !== "directory") return ENOENT;
  return packDirents(handle.listing, Number(body.readBigUInt64LE(8)), body.readUInt32LE(16));
}

/**
 * ACCESS: access(2)'s mask (R 4, W 2, X 1, F 0).
 *
 * @example
 * access(volume, 8, body); // empty payload, or EACCES
 */
export function access(volume: FuseVolume, nodeId: number, body: Buffer): OpReply {
  const path = volume.nodes.pathOf(nodeId);
  if (path === undefined) return ENOENT;
  const done = volume.call({ op: "access", path, mode: body.readUInt32LE(0) & 7 });
  return typeof done === "number" ? done : Buffer.alloc(0);
}

/**
 * STATFS: `fuse_kstatfs` from the data plane's figures.
 *
 * @example
 * statfs(volume, 1);
 */
export function statfs(volume: FuseVolume, nodeId: number): OpReply {
  const path = volume.nodes.pathOf(nodeId) ?? "/";
  const found = volume.direct((s) => tree.statfs(s, path));
  if (typeof found === "number") return found;
  const f = found.value;
  const out = Buffer.alloc(STATFS_OUT_SIZE);
  out.writeBigUInt64LE(BigInt(f.blocks), 0);
  out.writeBigUInt64LE(BigInt(f.blocksFree), 8);
  out.writeBigUInt64LE(BigInt(f.blocksAvailable), 16);
  out.writeBigUInt64LE(BigInt(f.files), 24);
  out.writeBigUInt64LE(BigInt(f.filesFree), 32);
  out.writeUInt32LE(f.blockSize, 40);
  out.writeUInt32LE(f.nameMax, 44);
  out.writeUInt32LE(f.blockSize, 48);
  return out;
}
