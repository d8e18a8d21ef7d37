/**
 * Packing a directory listing for READDIR: each `struct fuse_dirent` is the
 * inode number, the offset of the next entry, the name's length, its
 * `DT_*` type and the name, padded to 8 bytes; a reply holds as many whole
 * entries as fit in the size the kernel asked for, starting at the offset
 * it gave (an index into the listing the OPENDIR took).
 */
import { DIRENT_NAME_OFFSET } from "./opcodes.js";

/** One name of a listing. */
export interface DirEntry {
  readonly name: string;
  readonly ino: number;
  readonly type: "file" | "directory" | "symlink";
}

const DT = { file: 8, directory: 4, symlink: 10 } as const;

/**
 * The entries of `listing` from index `offset` that fit in `size` bytes.
 *
 * @example
 * packDirents([{ name: ".", ino: 2, type: "directory" }], 0, 4096).length; // 32
 */
export function packDirents(listing: readonly DirEntry[], offset: number, size: number): Buffer {
  const parts: Buffer[] = [];
  let used = 0;
  for (let index = offset; index < listing.length; index++) {
    const entry = listing[index] as DirEntry;
    const name = Buffer.from(entry.name, "utf8");
    const length = (DIRENT_NAME_OFFSET + name.length + 7) & ~7;
    if (used + length > size) break;
    const part = Buffer.alloc(length);
    part.writeBigUInt64LE(BigInt(entry.ino), 0);
    part.writeBigUInt64LE(BigInt(index + 1), 8);
    part.writeUInt32LE(name.length, 16);
    part.writeUInt32LE(DT[entry.type], 20);
    name.copy(part, DIRENT_NAME_OFFSET);
    parts.push(part);
    used += length;
  }
  return Buffer.concat(parts);
}
