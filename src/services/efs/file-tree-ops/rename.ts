/**
 * `rename`: moves a name, replacing what the target name held. Both paths
 * are walked first, then the POSIX engine decides (sticky bits, type
 * mismatches, moving a directory into itself, non-empty targets); renaming
 * onto the same inode succeeds without change. Link counts follow: a
 * directory that changes parent moves its `..` link, and a replaced
 * directory target takes its parent's link with it.
 */
import { decideRename, isDirectoryMode, nameTooLong } from "../../../engines/posix/index.js";
import { type DirCursor, lookupChild } from "../dir-cursor.js";
import type { FileSession, FsResult } from "../file-session.js";
import { failWith, succeed } from "../file-session.js";
import { dropLink, editInode, stampDirectory } from "../inode-edit.js";
import { walkToParent } from "../path-walk.js";

/** The child of `ancestor` on the way down to `dir`, when `ancestor` is a proper ancestor of `dir`. */
function childTowards(ancestor: DirCursor, dir: DirCursor): number | undefined {
  const index = dir.stack.indexOf(ancestor.inode.ino);
  if (index < 0 || index >= dir.stack.length - 1) return undefined;
  return dir.stack[index + 1];
}

/**
 * Renames `from` to `to`.
 *
 * @example
 * rename(session, "/a", "/a/b"); // { ok: false, errno: "EINVAL", path: "/a" }
 */
export function rename(session: FileSession, from: string, to: string): FsResult<void> {
  const source = walkToParent(session, from);
  if (!source.ok) return failWith(source.errno, from);
  const target = walkToParent(session, to);
  if (!target.ok) return failWith(target.errno, to);
  const { dir: sourceDir, last: sourceLast } = source.value;
  const { dir: targetDir, last: targetLast } = target.value;
  if (sourceLast.kind !== "normal") return failWith("EBUSY", from);
  if (targetLast.kind !== "normal") return failWith("EBUSY", to);
  if (nameTooLong(sourceLast.name)) return failWith("ENAMETOOLONG", from);
  const moving = lookupChild(session, sourceDir, sourceLast.name);
  if (!moving) return failWith("ENOENT", from);
  if (nameTooLong(targetLast.name)) return failWith("ENAMETOOLONG", to);
  const replaced = lookupChild(session, targetDir, targetLast.name);
  const sameDirectory = sourceDir.inode.ino === targetDir.inode.ino;
  const { tree } = session;
  const targetIsDirectory = replaced !== undefined && isDirectoryMode(replaced.mode);
  const decision = decideRename({
    identity: session.identity,
    sourceDir: sourceDir.inode,
    source: moving,
    targetDir: targetDir.inode,
    target: replaced,
    sameDirectory,
    sourceTrailingSlash: sourceLast.trailingSlash,
    targetTrailingSlash: targetLast.trailingSlash,
    sourceIsAncestorOfTargetDir:
      !sameDirectory && childTowards(sourceDir, targetDir) === moving.ino,
    targetIsAncestorOfSourceDir:
      !sameDirectory &&
      replaced !== undefined &&
      childTowards(targetDir, sourceDir) === replaced.ino,
    targetIsEmptyDirectory: targetIsDirectory && tree.listEntries(replaced.ino).length === 0,
    readOnly: session.readOnly,
  });
  if (!decision.ok) return failWith(decision.errno, from);
  if (decision.noop) return succeed(undefined);
  const now = session.clock();
  if (replaced) {
    tree.removeEntry(targetDir.inode.ino, targetLast.name);
    dropLink(tree, replaced.ino, now);
  }
  tree.removeEntry(sourceDir.inode.ino, sourceLast.name);
  tree.setEntry(targetDir.inode.ino, targetLast.name, moving.ino);
  editInode(tree, moving, { ctimeMs: now });
  const movesDirectory = isDirectoryMode(moving.mode) && !sameDirectory;
  const lost = targetIsDirectory ? 1 : 0;
  if (sameDirectory) {
    stampDirectory(tree, sourceDir.inode.ino, now, -lost);
  } else {
    stampDirectory(tree, sourceDir.inode.ino, now, movesDirectory ? -1 : 0);
    stampDirectory(tree, targetDir.inode.ino, now, (movesDirectory ? 1 : 0) - lost);
  }
  return succeed(undefined);
}
