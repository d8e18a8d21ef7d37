/**
 * The EFS data plane over a `TreeStore`: path-based file operations with
 * Linux semantics, run as a session's identity and confined to the
 * session's root (an access point's root directory). Each operation is a
 * function of a `FileSession` and its arguments returning `{ ok, value }`
 * or `{ ok: false, errno, path }`; the POSIX engine makes every decision,
 * this layer walks paths and keeps inodes (links, sizes, times).
 *
 * @example
 * const tree = memoryTree();
 * initializeFileSystem(tree, Date.now());
 * const session: FileSession = { tree, identity: makeIdentity(0, 0), rootIno: ROOT_INO,
 *   readOnly: false, umask: 0o022, clock: Date.now };
 * writeFile(session, "/first.txt", "hello\n");
 * stat(session, "/first.txt"); // { ok: true, value: { mode: 0o100644, uid: 0, ... } }
 */

export type { FileSession, FileStat, FsResult } from "./file-session.js";
export { DIRECTORY_SIZE, initializeFileSystem, ROOT_INO } from "./file-system.js";
export { access, F_OK, R_OK, W_OK, X_OK } from "./file-tree-ops/access.js";
export { chmod } from "./file-tree-ops/chmod.js";
export { chown } from "./file-tree-ops/chown.js";
export { link } from "./file-tree-ops/link.js";
export { mkdir } from "./file-tree-ops/mkdir.js";
export { type OpenFlags, type OpenResult, open } from "./file-tree-ops/open.js";
export { type ReadRange, readFile } from "./file-tree-ops/read-file.js";
export { type DirectoryItem, readdir } from "./file-tree-ops/readdir.js";
export { readlink } from "./file-tree-ops/readlink.js";
export { rename } from "./file-tree-ops/rename.js";
export { rmdir } from "./file-tree-ops/rmdir.js";
export { lookup, lstat, stat } from "./file-tree-ops/stat.js";
export { type FileSystemStats, statfs } from "./file-tree-ops/statfs.js";
export { symlink } from "./file-tree-ops/symlink.js";
export { truncate } from "./file-tree-ops/truncate.js";
export { unlink } from "./file-tree-ops/unlink.js";
export { type FileTimes, utimens } from "./file-tree-ops/utimens.js";
export { type WriteFileOptions, writeAt, writeFile } from "./file-tree-ops/write-file.js";
