/**
 * One FUSE-mounted access point as the request handlers see it: the
 * services' context, the mount's data-plane session (with the mapped
 * identity the mount gave; its umask is zero because the kernel has
 * already applied the calling process's umask to every mode it sends), the
 * node and handle tables, and two ways to run an operation: through the
 * bridge's own operations (`runOp`, so the FUSE mount and the `fs` preload
 * run the very same code) or, for what the bridge has no request for
 * (lookups with inode numbers, links, times, statfs), the data plane
 * directly, in a store transaction. A store failure becomes EIO.
 */
import type { ServiceContext } from "../../../../services/context.js";
import type { FileSession, FsResult } from "../../../../services/efs/file-tree.js";
import { runOp } from "../bridge-ops.js";
import type { BridgeRequest, BridgeStat } from "../bridge-protocol.js";
import { errnoNumber } from "./errno.js";
import { HandleTable } from "./handle-table.js";
import { NodeTable } from "./node-table.js";

/** A handler's answer: a payload, an errno number, or no reply at all (FORGET). */
export type OpReply = Buffer | number | null;

/** EIO. */
export const EIO = 5;
/** ENOENT, for node ids and handles the server no longer knows. */
export const ENOENT = 2;
/** EINVAL. */
export const EINVAL = 22;

/**
 * The state of one FUSE mount.
 *
 * @example
 * const volume = new FuseVolume(ctx, mount.session);
 * volume.call({ op: "stat", path: "/" });
 */
export class FuseVolume {
  readonly session: FileSession;
  readonly nodes: NodeTable;
  readonly handles = new HandleTable();

  /**
   * @example
   * new FuseVolume(ctx, session);
   */
  constructor(
    readonly ctx: ServiceContext,
    session: FileSession,
  ) {
    this.session = { ...session, umask: 0 };
    this.nodes = new NodeTable(session.rootIno);
  }

  /**
   * Runs a bridge request; its value, or the errno number.
   *
   * @example
   * volume.call({ op: "stat", path: "/a" }); // { ok: true, value: {...} } or 13
   */
  call<T = unknown>(request: BridgeRequest): { value: T } | number {
    try {
      const result = runOp(this.ctx, this.session, request);
      return result.ok ? { value: result.value as T } : errnoNumber(result.errno);
    } catch {
      return EIO;
    }
  }

  /**
   * Runs a data-plane operation in a transaction; its value, or the errno number.
   *
   * @example
   * volume.direct((s) => tree.lookup(s, "/a"));
   */
  direct<T>(operation: (session: FileSession) => FsResult<T>): { value: T } | number {
    try {
      const result = this.ctx.store.transaction(() => operation(this.session));
      return result.ok ? { value: result.value } : errnoNumber(result.errno);
    } catch {
      return EIO;
    }
  }

  /**
   * The attributes of `path` (not following a final symbolic link), or the errno number.
   *
   * @example
   * volume.lstat("/a.txt");
   */
  lstat(path: string): { value: BridgeStat } | number {
    return this.call<BridgeStat>({ op: "lstat", path });
  }
}
