/**
 * The identity an instance's process runs as. When accesslab itself runs
 * as root on Linux, instances really run as Lambda's sandbox user (uid
 * 993, gid 990; node drops supplementary groups when it switches), so
 * `process.getuid()`, `id -a` and child processes see it. Anywhere else the
 * process keeps accesslab's own identity and the sandbox identity is only
 * nominal (what EFS and the check assume).
 */
import { SANDBOX_USER } from "./assumptions.js";

/** The uid and gid to fork with, or nothing when the identity is nominal. */
export type InstanceIdentity = { readonly uid: number; readonly gid: number } | undefined;

/**
 * The identity for new instances on this host.
 *
 * @example
 * instanceIdentity(); // { uid: 993, gid: 990 } as root on Linux, else undefined
 */
export function instanceIdentity(
  platform: NodeJS.Platform = process.platform,
  uid: number | undefined = process.getuid?.(),
): InstanceIdentity {
  return platform === "linux" && uid === 0
    ? { uid: SANDBOX_USER.uid, gid: SANDBOX_USER.gid }
    : undefined;
}
