/**
 * The access point's root directory at mount time (aws-facts A6 to A10):
 * found as it is when it exists (its owner and mode untouched, whatever
 * CreationInfo says); created when missing and CreationInfo is given, with
 * parents as INTERMEDIATE_DIRECTORY; otherwise the mount fails. EFS does
 * this itself, as the superuser, whatever the client's permissions.
 */
import { isDirectoryMode } from "../../engines/posix/mode.js";
import type { TreeStore } from "../../store/port.js";
import { INTERMEDIATE_DIRECTORY, ROOT_NEEDS_ANY_EXECUTE_BIT } from "./assumptions.js";
import {
  chmod,
  chown,
  type FileSession,
  type FileStat,
  mkdir,
  ROOT_INO,
  stat,
} from "./file-tree.js";
import type { RootDirectory } from "./model.js";

/** Why a root directory could not be used. */
export type RootDirectoryProblem =
  | "root-directory-missing"
  | "root-directory-not-a-directory"
  | "root-directory-not-searchable";

/** The root directory to mount, and whether this mount created it. */
export interface PreparedRoot {
  readonly root: FileStat;
  readonly created: boolean;
}

/**
 * Finds or creates an access point's root directory.
 *
 * @example
 * prepareRootDirectory(tree, { path: "/piyo", creationInfo: { ownerUid: 1002, ownerGid: 1002, permissions: "764" } }, Date.now);
 */
export function prepareRootDirectory(
  tree: TreeStore,
  root: RootDirectory,
  clock: () => number,
): PreparedRoot | { problem: RootDirectoryProblem } {
  const superuser: FileSession = {
    tree,
    identity: { uid: 0, gid: 0, groups: [] },
    rootIno: ROOT_INO,
    readOnly: false,
    umask: 0,
    clock,
  };
  const found = stat(superuser, root.path);
  if (found.ok) return checked(found.value, false);
  if (found.errno !== "ENOENT") return { problem: "root-directory-not-a-directory" };
  const info = root.creationInfo;
  if (!info) return { problem: "root-directory-missing" };
  const parts = root.path.split("/").filter(Boolean);
  let path = "";
  for (const [i, part] of parts.entries()) {
    path += `/${part}`;
    const last = i === parts.length - 1;
    const existing = stat(superuser, path);
    if (existing.ok) {
      if (!isDirectoryMode(existing.value.mode))
        return { problem: "root-directory-not-a-directory" };
      continue;
    }
    const owner = last
      ? { uid: info.ownerUid, gid: info.ownerGid, mode: Number.parseInt(info.permissions, 8) }
      : INTERMEDIATE_DIRECTORY;
    const made = mkdir(superuser, path, owner.mode & 0o7777);
    if (!made.ok) return { problem: "root-directory-not-a-directory" };
    chown(superuser, path, owner.uid, owner.gid);
    chmod(superuser, path, owner.mode & 0o7777);
  }
  const created = stat(superuser, root.path);
  return created.ok ? checked(created.value, true) : { problem: "root-directory-missing" };
}

function checked(
  root: FileStat,
  created: boolean,
): PreparedRoot | { problem: RootDirectoryProblem } {
  if (!isDirectoryMode(root.mode)) return { problem: "root-directory-not-a-directory" };
  if ((root.mode & ROOT_NEEDS_ANY_EXECUTE_BIT) === 0)
    return { problem: "root-directory-not-searchable" };
  return { root, created };
}
