/**
 * The engine side of the kernel oracle: a fresh memory tree per sequence
 * whose root has the sequence's owner and mode, each step run through the
 * EFS data plane as that step's identity, and a snapshot of every path
 * (type and mode, owner, group, links, size, link target, contents) to
 * compare with the kernel's after the sequence.
 */
import { type KernelProtections, S_IFDIR } from "../../src/engines/posix/index.js";
import { DIRECTORY_SIZE, ROOT_INO } from "../../src/services/efs/file-system.js";
import type { FileSession, FileStat, FsResult } from "../../src/services/efs/file-tree.js";
import * as files from "../../src/services/efs/file-tree.js";
import { memoryTree } from "../../src/store/memory/tree.js";
import type { TreeStore } from "../../src/store/port.js";
import {
  type ExistingPath,
  IDENTITIES,
  type OracleOp,
  type OracleOutcome,
  type OracleSequence,
} from "./oracle-ops.js";

/** One path's state, as both sides report it. */
export interface SnapshotEntry {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly nlink: number;
  readonly size?: number;
  readonly target?: string;
  readonly content?: string;
}

/**
 * A tree holding only the sequence's root directory.
 *
 * @example
 * const tree = engineTree(sequence);
 */
export function engineTree(sequence: OracleSequence): TreeStore {
  const tree = memoryTree();
  const owner = IDENTITIES[sequence.rootOwner] ?? IDENTITIES[0];
  tree.allocateIno();
  tree.putInode({
    ino: ROOT_INO,
    mode: S_IFDIR | sequence.rootMode,
    uid: owner?.uid ?? 0,
    gid: owner?.gid ?? 0,
    nlink: 2,
    size: DIRECTORY_SIZE,
    atimeMs: 0,
    mtimeMs: 0,
    ctimeMs: 0,
  });
  return tree;
}

function statValue(stat: FileStat): unknown {
  const { mode, uid, gid, nlink, size } = stat;
  return stat.type === "directory" ? { mode, uid, gid, nlink } : { mode, uid, gid, nlink, size };
}

function outcome<T>(result: FsResult<T>, value?: (v: T) => unknown): OracleOutcome {
  if (!result.ok) return { ok: false, errno: result.errno };
  return value ? { ok: true, value: value(result.value) } : { ok: true };
}

/**
 * Runs one operation on the engine.
 *
 * @example
 * runOnEngine(session, { op: "mkdir", path: "a", mode: 0o755 }); // { ok: true }
 */
export function runOnEngine(session: FileSession, action: OracleOp): OracleOutcome {
  switch (action.op) {
    case "mkdir":
      return outcome(files.mkdir(session, action.path, action.mode));
    case "open":
      return outcome(files.open(session, action.path, action.flags, action.mode));
    case "write": {
      const { read, create, exclusive, truncate, append, noFollow } = action.flags;
      const data = Buffer.from(action.data, "latin1");
      const options = { read, create, exclusive, truncate, append, noFollow, mode: action.mode };
      return outcome(files.writeFile(session, action.path, data, options));
    }
    case "writeAt":
      return outcome(
        files.writeAt(session, action.path, action.offset, Buffer.from(action.data, "latin1")),
      );
    case "read":
      return outcome(files.readFile(session, action.path), (data) =>
        Buffer.from(data).toString("latin1"),
      );
    case "truncate":
      return outcome(files.truncate(session, action.path, action.size));
    case "unlink":
      return outcome(files.unlink(session, action.path));
    case "rmdir":
      return outcome(files.rmdir(session, action.path));
    case "rename":
      return outcome(files.rename(session, action.from, action.to));
    case "link":
      return outcome(files.link(session, action.from, action.to));
    case "symlink":
      return outcome(files.symlink(session, action.target, action.path));
    case "readlink":
      return outcome(files.readlink(session, action.path), (target) => target);
    case "readdir":
      return outcome(files.readdir(session, action.path), (items) =>
        items.map((item) => item.name).sort(),
      );
    case "stat":
      return outcome(files.stat(session, action.path), statValue);
    case "lstat":
      return outcome(files.lstat(session, action.path), statValue);
    case "access":
      return outcome(files.access(session, action.path, action.mode));
    case "chmod":
      return outcome(files.chmod(session, action.path, action.mode));
    case "chown":
      return outcome(files.chown(session, action.path, action.uid, action.gid));
    case "utimes":
      return outcome(
        files.utimens(session, action.path, {
          atimeMs: action.atime * 1000,
          mtimeMs: action.mtime * 1000,
        }),
      );
  }
}

/**
 * A session over `tree` for identity `who` of the pool.
 *
 * @example
 * engineSession(tree, 2, 0o022, NO_PROTECTIONS, () => Date.now());
 */
export function engineSession(
  tree: TreeStore,
  who: number,
  umask: number,
  protections: KernelProtections,
  clock: () => number,
): FileSession {
  const identity = IDENTITIES[who] ?? { uid: 0, gid: 0, groups: [] };
  return { tree, identity, rootIno: ROOT_INO, readOnly: false, umask, clock, protections };
}

/**
 * Every path of the tree, sorted, `.` for the root (without following links).
 *
 * @example
 * enginePaths(tree); // [{ path: ".", type: "dir" }, { path: "a", type: "file" }]
 */
export function enginePaths(tree: TreeStore): ExistingPath[] {
  const out: ExistingPath[] = [{ path: ".", type: "dir" }];
  const visit = (dirIno: number, prefix: string): void => {
    for (const entry of tree.listEntries(dirIno)) {
      const path = prefix + entry.name;
      const type = (tree.getInode(entry.ino)?.mode ?? 0) & 0o170000;
      if (type === S_IFDIR) {
        out.push({ path, type: "dir" });
        visit(entry.ino, `${path}/`);
      } else {
        out.push({ path, type: type === 0o120000 ? "symlink" : "file" });
      }
    }
  };
  visit(ROOT_INO, "");
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Every path below the root with its state, read straight from the tree.
 *
 * @example
 * engineSnapshot(tree)["a/b"]; // { mode: 0o40755, uid: 1001, ... }
 */
export function engineSnapshot(tree: TreeStore): Record<string, SnapshotEntry> {
  const out: Record<string, SnapshotEntry> = {};
  const visit = (dirIno: number, prefix: string): void => {
    for (const entry of tree.listEntries(dirIno)) {
      const inode = tree.getInode(entry.ino);
      if (!inode) continue;
      const path = prefix + entry.name;
      const base = { mode: inode.mode, uid: inode.uid, gid: inode.gid, nlink: inode.nlink };
      const type = inode.mode & 0o170000;
      if (type === S_IFDIR) {
        out[path] = base;
        visit(inode.ino, `${path}/`);
      } else if (type === 0o120000) {
        out[path] = { ...base, size: inode.size, target: inode.target ?? "" };
      } else {
        const content = Buffer.from(tree.readData(inode.ino, 0, inode.size)).toString("latin1");
        out[path] = { ...base, size: inode.size, content };
      }
    }
  };
  const root = tree.getInode(ROOT_INO);
  if (root) out["."] = { mode: root.mode, uid: root.uid, gid: root.gid, nlink: root.nlink };
  visit(ROOT_INO, "");
  return out;
}
