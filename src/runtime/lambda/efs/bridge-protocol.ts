/**
 * What an instance's `fs` preload and the serve process's bridge say to
 * each other, one JSON object per line over a loopback connection: first
 * `{ secret }` (the per-instance secret the hook put in the instance's
 * environment), then requests `{ id, op, mount, … }` naming a mount by its
 * `LocalMountPath` and paths relative to it (`/` is the access point's
 * root), and answers `{ id, ok: true, value }` or `{ id, ok: false, errno }`.
 * File contents travel base64-encoded. This module is shared by both sides
 * and imports nothing.
 */

/** An operation on the data plane, as the preload asks for it. */
export type BridgeRequest =
  | { readonly op: "stat" | "lstat" | "readdir" | "readlink" | "unlink" | "rmdir"; path: string }
  | { readonly op: "readFile"; path: string; offset?: number; length?: number }
  | {
      readonly op: "writeFile";
      path: string;
      data: string;
      append?: boolean;
      exclusive?: boolean;
      create?: boolean;
      truncate?: boolean;
      mode?: number;
    }
  | { readonly op: "writeAt"; path: string; offset: number; data: string }
  | { readonly op: "open"; path: string; flags: BridgeOpenFlags; mode: number }
  | { readonly op: "mkdir"; path: string; mode: number; recursive: boolean }
  | { readonly op: "rm"; path: string; recursive: boolean; force: boolean }
  | { readonly op: "rename"; path: string; to: string }
  | { readonly op: "access"; path: string; mode: number }
  | { readonly op: "chmod"; path: string; mode: number }
  | { readonly op: "chown"; path: string; uid: number; gid: number }
  | { readonly op: "truncate"; path: string; size: number }
  | { readonly op: "symlink"; path: string; target: string };

/** open(2) flags as the data plane takes them. */
export interface BridgeOpenFlags {
  read?: boolean;
  write?: boolean;
  create?: boolean;
  exclusive?: boolean;
  truncate?: boolean;
  append?: boolean;
  directory?: boolean;
}

/** A request on the wire: which mount, and a number to match the answer. */
export type BridgeFrame = BridgeRequest & { readonly id: number; readonly mount: string };

/** An answer on the wire. */
export type BridgeAnswer =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly errno: string };

/** A file's attributes as the bridge reports them (st_* fields). */
export interface BridgeStat {
  readonly ino: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly nlink: number;
  readonly size: number;
  readonly atimeMs: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

/** One name in a directory listing. */
export interface BridgeDirent {
  readonly name: string;
  readonly type: "file" | "directory" | "symlink";
}

/** Where an instance's bridge listens, as the hook passes it in `BRIDGE_VARIABLE`. */
export interface BridgeAddress {
  readonly port: number;
  readonly secret: string;
  /** The `LocalMountPath` of every mount, e.g. `/mnt/data`. */
  readonly mounts: readonly string[];
}
