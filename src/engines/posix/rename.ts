/**
 * Renaming, in the order Linux checks once both names are looked up: a
 * trailing slash on either name needs a directory source (ENOTDIR); a
 * directory may not move into its own subtree (EINVAL) and a name may not
 * replace one of its own ancestors (ENOTEMPTY); renaming a name onto the
 * same inode (itself, or another hard link to it) succeeds and changes
 * nothing; then the source must be removable from its directory, the
 * target removable (when it exists, and of a fitting type: EISDIR, ENOTDIR)
 * or creatable in its directory; a directory that changes parent needs
 * write permission on itself (its `..` changes); a directory target must be
 * empty (ENOTEMPTY).
 */
import { checkPermission, MAY_WRITE } from "./access.js";
import type { Attributes } from "./attributes.js";
import { mayCreate } from "./create.js";
import { mayDelete } from "./delete.js";
import type { Errno } from "./errno.js";
import type { Identity } from "./identity.js";
import { isDirectoryMode } from "./mode.js";

/** Attributes of a named inode, with its number to tell hard links apart. */
export interface NamedAttributes extends Attributes {
  readonly ino: number;
}

/** Everything a rename decision reads, gathered after both lookups. */
export interface RenameFacts {
  readonly identity: Identity;
  readonly sourceDir: Attributes;
  readonly source: NamedAttributes;
  readonly targetDir: Attributes;
  /** The inode the target name holds now, if any. */
  readonly target?: NamedAttributes | undefined;
  /** Source and target live in the same directory. */
  readonly sameDirectory: boolean;
  readonly sourceTrailingSlash: boolean;
  readonly targetTrailingSlash: boolean;
  /** The source is an ancestor of (or is) the target's directory. */
  readonly sourceIsAncestorOfTargetDir: boolean;
  /** The target is an ancestor of (or is) the source's directory. */
  readonly targetIsAncestorOfSourceDir: boolean;
  /** The target is a directory with no entries. */
  readonly targetIsEmptyDirectory: boolean;
  readonly readOnly?: boolean;
}

/** A rename that may go ahead (`noop` when source and target are one inode), or why not. */
export type RenameDecision = { ok: true; noop: boolean } | { ok: false; errno: Errno };

/**
 * Decides a rename.
 *
 * @example
 * decideRename({ identity: root, sourceDir: rootDir, source: { ino: 2, ...dirA }, targetDir: dirA,
 *   sameDirectory: false, sourceTrailingSlash: false, targetTrailingSlash: false,
 *   sourceIsAncestorOfTargetDir: true, targetIsAncestorOfSourceDir: false, targetIsEmptyDirectory: false });
 * // { ok: false, errno: "EINVAL" }: a directory cannot move into itself
 */
export function decideRename(facts: RenameFacts): RenameDecision {
  const { identity, source, target } = facts;
  const readOnly = facts.readOnly ?? false;
  const sourceIsDirectory = isDirectoryMode(source.mode);
  const deny = (errno: Errno): RenameDecision => ({ ok: false, errno });
  if (!sourceIsDirectory && (facts.sourceTrailingSlash || facts.targetTrailingSlash)) {
    return deny("ENOTDIR");
  }
  if (facts.sourceIsAncestorOfTargetDir) return deny("EINVAL");
  if (facts.targetIsAncestorOfSourceDir) return deny("ENOTEMPTY");
  if (target && target.ino === source.ino) return { ok: true, noop: true };
  const sourceDenied = mayDelete(identity, facts.sourceDir, source, sourceIsDirectory, readOnly);
  if (sourceDenied) return deny(sourceDenied);
  const targetDenied = target
    ? mayDelete(identity, facts.targetDir, target, sourceIsDirectory, readOnly)
    : mayCreate(identity, facts.targetDir, readOnly);
  if (targetDenied) return deny(targetDenied);
  if (!facts.sameDirectory && sourceIsDirectory) {
    const moveDenied = checkPermission(identity, source, MAY_WRITE, readOnly);
    if (moveDenied) return deny(moveDenied);
  }
  if (target && isDirectoryMode(target.mode) && !facts.targetIsEmptyDirectory) {
    return deny("ENOTEMPTY");
  }
  return { ok: true, noop: false };
}
