/**
 * A stable handle on "the tree of file system X": it finds the current tree
 * on every call, so a handle taken before `dropTree` sees the new empty tree
 * afterwards (and the restored one if the drop is rolled back), exactly as
 * a SQLite handle, which is only a file system id, does.
 */
import type { TreeStore } from "../port.js";

/**
 * Wraps `current` (which returns the tree in force) as a TreeStore.
 *
 * @example
 * const handle = treeHandle(() => trees.get("fs-1") ?? createTree("fs-1"));
 */
export function treeHandle(current: () => TreeStore): TreeStore {
  return {
    allocateIno: () => current().allocateIno(),
    getInode: (ino) => current().getInode(ino),
    putInode: (inode) => current().putInode(inode),
    deleteInode: (ino) => current().deleteInode(ino),
    lookup: (dirIno, name) => current().lookup(dirIno, name),
    setEntry: (dirIno, name, ino) => current().setEntry(dirIno, name, ino),
    removeEntry: (dirIno, name) => current().removeEntry(dirIno, name),
    listEntries: (dirIno) => current().listEntries(dirIno),
    readData: (ino, offset, length) => current().readData(ino, offset, length),
    writeData: (ino, offset, data) => current().writeData(ino, offset, data),
    truncateData: (ino, size) => current().truncateData(ino, size),
  };
}
