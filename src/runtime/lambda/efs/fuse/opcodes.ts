/**
 * The numbers of the FUSE kernel protocol (Linux `include/uapi/linux/fuse.h`,
 * protocol 7.x) that accesslab's file system server speaks: the opcodes it
 * answers, the INIT capability bits it asks for, SETATTR's `valid` bits,
 * the open-reply flags and the fixed sizes of the headers and replies.
 * Facts of the kernel's ABI, gathered in one place so that the encoders,
 * the decoders and the dispatcher agree.
 */

/**
 * Request opcodes (`enum fuse_opcode`).
 *
 * @example
 * header.opcode === FuseOp.LOOKUP;
 */
export const FuseOp = {
  LOOKUP: 1,
  FORGET: 2,
  GETATTR: 3,
  SETATTR: 4,
  READLINK: 5,
  SYMLINK: 6,
  MKNOD: 8,
  MKDIR: 9,
  UNLINK: 10,
  RMDIR: 11,
  RENAME: 12,
  LINK: 13,
  OPEN: 14,
  READ: 15,
  WRITE: 16,
  STATFS: 17,
  RELEASE: 18,
  FSYNC: 20,
  SETXATTR: 21,
  GETXATTR: 22,
  LISTXATTR: 23,
  REMOVEXATTR: 24,
  FLUSH: 25,
  INIT: 26,
  OPENDIR: 27,
  READDIR: 28,
  RELEASEDIR: 29,
  FSYNCDIR: 30,
  ACCESS: 34,
  CREATE: 35,
  INTERRUPT: 36,
  DESTROY: 38,
  BATCH_FORGET: 42,
} as const;

/** The protocol version accesslab answers INIT with (major 7; minor 31 fixes every struct size used here). */
export const FUSE_KERNEL_VERSION = 7;
/** The minor version accesslab speaks. */
export const FUSE_KERNEL_MINOR = 31;

/** Size of `struct fuse_in_header`. */
export const IN_HEADER_SIZE = 40;
/** Size of `struct fuse_out_header`. */
export const OUT_HEADER_SIZE = 16;
/** Size of `struct fuse_attr`. */
export const ATTR_SIZE = 88;
/** Size of `struct fuse_entry_out`. */
export const ENTRY_OUT_SIZE = 40 + ATTR_SIZE;
/** Size of `struct fuse_attr_out`. */
export const ATTR_OUT_SIZE = 16 + ATTR_SIZE;
/** Size of `struct fuse_open_out`. */
export const OPEN_OUT_SIZE = 16;
/** Size of `struct fuse_init_out` (7.23 and later). */
export const INIT_OUT_SIZE = 64;
/** Size of `struct fuse_kstatfs` (the whole `fuse_statfs_out`). */
export const STATFS_OUT_SIZE = 80;
/** Offset of the name in `struct fuse_dirent`. */
export const DIRENT_NAME_OFFSET = 24;

/**
 * INIT capability bits accesslab asks for: O_TRUNC arrives with OPEN
 * (`FUSE_ATOMIC_O_TRUNC`) and writes may be larger than a page
 * (`FUSE_BIG_WRITES`). Not `default_permissions`: the data plane decides.
 *
 * @example
 * const flags = kernelFlags & WANTED_INIT_FLAGS;
 */
export const WANTED_INIT_FLAGS = (1 << 3) | (1 << 5);

/** The largest WRITE accesslab accepts (the kernel's default page limit, 32 pages). */
export const MAX_WRITE = 128 * 1024;

/**
 * Bits of `fuse_setattr_in.valid`.
 *
 * @example
 * if (valid & Fattr.SIZE) truncate(path, size);
 */
export const Fattr = {
  MODE: 1 << 0,
  UID: 1 << 1,
  GID: 1 << 2,
  SIZE: 1 << 3,
  ATIME: 1 << 4,
  MTIME: 1 << 5,
  ATIME_NOW: 1 << 7,
  MTIME_NOW: 1 << 8,
} as const;

/** `FOPEN_DIRECT_IO`: bypass the page cache, so reads see what the `fs` preload wrote meanwhile. */
export const FOPEN_DIRECT_IO = 1 << 0;

/**
 * open(2) flag bits (Linux, x86 and arm64 alike).
 *
 * @example
 * const append = (flags & OpenBits.APPEND) !== 0;
 */
export const OpenBits = {
  ACCMODE: 0o3,
  WRONLY: 0o1,
  RDWR: 0o2,
  CREAT: 0o100,
  EXCL: 0o200,
  TRUNC: 0o1000,
  APPEND: 0o2000,
} as const;
