/**
 * `chown` (and chgrp): only the superuser gives a file away; its owner may
 * move it to another of its own groups. Follows symbolic links. Clearing
 * of set-user-id and set-group-id is the POSIX engine's decision.
 */
import { decideChown } from "../../../engines/posix/index.js";
import type { FileSession, FileStat, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { editInode, toFileStat } from "../inode-edit.js";
import { resolvePath } from "../path-walk.js";

/**
 * Changes owner and/or group of `path`; an undefined id (or -1) is kept.
 *
 * @example
 * chown(session, "/data", 1001, 1001);
 * chown(session, "/data", undefined, 993); // chgrp
 */
export function chown(
  session: FileSession,
  path: string,
  uid: number | undefined,
  gid: number | undefined,
): FsResult<FileStat> {
  const found = resolvePath(session, path, { follow: true });
  if (!found.ok) return failWith(found.errno, path);
  const inode = found.value.inode;
  const newUid = uid === undefined || uid === -1 ? undefined : uid;
  const newGid = gid === undefined || gid === -1 ? undefined : gid;
  const decision = decideChown(session.identity, inode, newUid, newGid, session.readOnly);
  if (!decision.ok) return failWith(decision.errno, path);
  const { mode, uid: ownerUid, gid: ownerGid } = decision.value;
  const now = session.clock();
  const changed = editInode(session.tree, inode, {
    mode,
    uid: ownerUid,
    gid: ownerGid,
    ctimeMs: now,
  });
  return succeed(toFileStat(changed));
}
