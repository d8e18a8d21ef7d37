/**
 * The in-memory tree store: inodes in a map, directories as sorted-on-read
 * maps of names, file data as a list of fixed-size chunks so that a write in
 * the middle of a large file touches only the chunks it covers. Every change
 * goes through an undo log, so the memory store can roll a transaction back.
 */
import { CHUNK_SIZE, chunkSlices } from "../layout.js";
import { compareNames } from "../name-order.js";
import type { DirectoryEntry, InodeRecord, TreeStore } from "../port.js";
import { deleteTracked, noUndo, setTracked, type UndoLog } from "./undo-log.js";

/**
 * Creates an empty in-memory tree; changes are recorded in `log` while one
 * of its transactions is open.
 *
 * @example
 * const tree = memoryTree();
 * tree.putInode({ ino: tree.allocateIno(), mode: 0o40755, uid: 0, gid: 0, nlink: 2, size: 0, atimeMs: 0, mtimeMs: 0, ctimeMs: 0 });
 */
export function memoryTree(log: UndoLog = noUndo): TreeStore {
  let nextIno = 1;
  const inodes = new Map<number, InodeRecord>();
  const dirs = new Map<number, Map<string, number>>();
  const chunks = new Map<number, Map<number, Uint8Array>>();
  function setNextIno(value: number): void {
    const old = nextIno;
    log.record(() => {
      nextIno = old;
    });
    nextIno = value;
  }
  return {
    allocateIno() {
      const ino = nextIno;
      setNextIno(ino + 1);
      return ino;
    },
    getInode: (ino) => inodes.get(ino),
    putInode(inode) {
      setTracked(log, inodes, inode.ino, inode);
      if (inode.ino >= nextIno) setNextIno(inode.ino + 1);
    },
    deleteInode(ino) {
      deleteTracked(log, inodes, ino);
      deleteTracked(log, dirs, ino);
      deleteTracked(log, chunks, ino);
    },
    lookup: (dirIno, name) => dirs.get(dirIno)?.get(name),
    setEntry(dirIno, name, ino) {
      let dir = dirs.get(dirIno);
      if (!dir) {
        dir = new Map();
        setTracked(log, dirs, dirIno, dir);
      }
      setTracked(log, dir, name, ino);
    },
    removeEntry(dirIno, name) {
      const dir = dirs.get(dirIno);
      if (dir) deleteTracked(log, dir, name);
    },
    listEntries(dirIno): DirectoryEntry[] {
      const dir = dirs.get(dirIno);
      if (!dir) return [];
      return [...dir]
        .map(([name, ino]) => ({ name, ino }))
        .sort((a, b) => compareNames(a.name, b.name));
    },
    readData(ino, offset, length) {
      const size = inodes.get(ino)?.size ?? 0;
      const end = Math.min(size, offset + length);
      if (end <= offset) return new Uint8Array(0);
      const out = new Uint8Array(end - offset);
      const fileChunks = chunks.get(ino);
      if (!fileChunks) return out;
      for (const slice of chunkSlices(offset, end - offset)) {
        const chunk = fileChunks.get(slice.index);
        if (!chunk || chunk.length <= slice.within) continue;
        out.set(chunk.subarray(slice.within, slice.within + slice.length), slice.at);
      }
      return out;
    },
    writeData(ino, offset, data) {
      if (data.length === 0) return;
      let fileChunks = chunks.get(ino);
      if (!fileChunks) {
        fileChunks = new Map();
        setTracked(log, chunks, ino, fileChunks);
      }
      for (const slice of chunkSlices(offset, data.length)) {
        const old = fileChunks.get(slice.index);
        const needed = slice.within + slice.length;
        let chunk = old;
        if (!chunk || chunk.length < needed || (log.active && !log.owns(chunk))) {
          chunk = new Uint8Array(Math.max(needed, old?.length ?? 0));
          if (old) chunk.set(old);
          log.own(chunk);
          setTracked(log, fileChunks, slice.index, chunk);
        }
        chunk.set(data.subarray(slice.at, slice.at + slice.length), slice.within);
      }
    },
    truncateData(ino, size) {
      const fileChunks = chunks.get(ino);
      if (!fileChunks) return;
      for (const [index, chunk] of [...fileChunks]) {
        const start = index * CHUNK_SIZE;
        if (start >= size) deleteTracked(log, fileChunks, index);
        else if (start + chunk.length > size) {
          const kept = chunk.slice(0, size - start);
          log.own(kept);
          setTracked(log, fileChunks, index, kept);
        }
      }
    },
  };
}
