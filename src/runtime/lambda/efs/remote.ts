/**
 * Bridge calls that succeed or throw: a request for a mounted path whose
 * answer is its value, or a Node-style error naming the syscall and the
 * path as the caller wrote it.
 */
import type { BridgeRequest } from "./bridge-protocol.js";
import type { MountedPath } from "./mount-table.js";
import { nodeError } from "./node-error.js";
import type { BridgeCall } from "./sync-channel.js";

/** What the sync operations share: the channel and the mount paths. */
export interface Remote {
  readonly mounts: readonly string[];
  /**
   * Runs a request on `where`'s mount; throws as Node would.
   *
   * @example
   * remote.run(where, { op: "stat", path: where.inner }, "stat", "/mnt/data/x");
   */
  run<T>(
    where: MountedPath,
    request: BridgeRequest,
    syscall: string,
    display: string,
    dest?: string,
  ): T;
}

/**
 * A remote over a channel.
 *
 * @example
 * const remote = createRemote(openSyncChannel(address), address.mounts);
 */
export function createRemote(call: BridgeCall, mounts: readonly string[]): Remote {
  return {
    mounts,
    run<T>(
      where: MountedPath,
      request: BridgeRequest,
      syscall: string,
      display: string,
      dest?: string,
    ): T {
      const answer = call(where.mount, request);
      if (answer.ok) return answer.value as T;
      throw nodeError(answer.errno, syscall, display, dest);
    },
  };
}
