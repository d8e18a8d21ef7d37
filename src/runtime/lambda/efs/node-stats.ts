/**
 * `fs.Stats` and `fs.Dirent` objects built from the bridge's answers, so
 * `isFile()`, `isDirectory()`, `mode`, `uid`, `mtime` and the rest behave
 * as for a local file. `dev` is a fixed number standing for the mount.
 */
import { Dirent, Stats } from "node:fs";
import type { BridgeDirent, BridgeStat } from "./bridge-protocol.js";

/** The device number reported for files on a mount (no real device). */
const MOUNT_DEVICE = 0x2a;

/** libuv's dirent types. */
const DIRENT_TYPE = { file: 1, directory: 2, symlink: 3 } as const;

/**
 * A `fs.Stats` for a bridged file.
 *
 * @example
 * nodeStats({ ino: 2, mode: 0o100644, uid: 0, gid: 0, nlink: 1, size: 6, atimeMs: 0, mtimeMs: 0, ctimeMs: 0 }).isFile(); // true
 */
export function nodeStats(s: BridgeStat): Stats {
  const stats = Object.create(Stats.prototype) as Stats;
  return Object.assign(stats, {
    dev: MOUNT_DEVICE,
    mode: s.mode,
    nlink: s.nlink,
    uid: s.uid,
    gid: s.gid,
    rdev: 0,
    blksize: 4096,
    ino: s.ino,
    size: s.size,
    blocks: Math.ceil(s.size / 512),
    atimeMs: s.atimeMs,
    mtimeMs: s.mtimeMs,
    ctimeMs: s.ctimeMs,
    birthtimeMs: s.ctimeMs,
    atime: new Date(s.atimeMs),
    mtime: new Date(s.mtimeMs),
    ctime: new Date(s.ctimeMs),
    birthtime: new Date(s.ctimeMs),
  });
}

/**
 * A `fs.Dirent` for a bridged directory entry.
 *
 * @example
 * nodeDirent({ name: "first.txt", type: "file" }, "/mnt/data").isFile(); // true
 */
export function nodeDirent(entry: BridgeDirent, parentPath: string): Dirent {
  const DirentClass = Dirent as unknown as new (name: string, type: number, path: string) => Dirent;
  const dirent = new DirentClass(entry.name, DIRENT_TYPE[entry.type], parentPath);
  return Object.assign(dirent, { parentPath, path: parentPath });
}
