/**
 * The identity every NFS operation of a mount runs as: the access point's
 * PosixUser when it has one (the client's ids are then ignored, aws-facts
 * A2), otherwise the client's own; then root squashing when the client was
 * not granted ClientRootAccess (A3, B4).
 */
import type { Identity } from "../../engines/posix/identity.js";
import { SQUASHED_GID, SQUASHED_UID } from "./assumptions.js";
import type { PosixUser } from "./model.js";

/** NFS carries at most 16 supplementary groups (aws-facts A14). */
export const MAX_NFS_GROUPS = 16;

/**
 * Maps the client's identity for a mount.
 *
 * @example
 * mapIdentity({ uid: 993, gid: 990, groups: [990] }, { uid: 0, gid: 0 }, false);
 * // { uid: 65534, gid: 65534, groups: [] }
 */
export function mapIdentity(
  client: Identity,
  posixUser: PosixUser | undefined,
  rootAccess: boolean,
): Identity {
  const enforced: Identity = posixUser
    ? { uid: posixUser.uid, gid: posixUser.gid, groups: [...(posixUser.secondaryGids ?? [])] }
    : { uid: client.uid, gid: client.gid, groups: client.groups.slice(0, MAX_NFS_GROUPS) };
  if (rootAccess) return enforced;
  return {
    uid: enforced.uid === 0 ? SQUASHED_UID : enforced.uid,
    gid: enforced.gid === 0 ? SQUASHED_GID : enforced.gid,
    groups: enforced.groups.map((g) => (g === 0 ? SQUASHED_GID : g)),
  };
}
