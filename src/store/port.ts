/**
 * The storage port: what accesslab's services need to keep, shaped by their
 * use (an EFS file tree of inodes, directory entries and chunked file data;
 * control-plane records; append-only audit events), never by a driver.
 * Adapters (memory/, sqlite/) implement it synchronously; one test suite
 * runs against every adapter.
 */

/** The attributes of one inode, as a file system keeps them. */
export interface InodeRecord {
  readonly ino: number;
  /** File type and permission bits, as in `st_mode` (e.g. 0o040755 for a directory). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly nlink: number;
  readonly size: number;
  /** Times in milliseconds since the epoch. */
  readonly atimeMs: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  /** Symlink target, for symbolic links only. */
  readonly target?: string;
}

/** A name in a directory. */
export interface DirectoryEntry {
  readonly name: string;
  readonly ino: number;
}

/** One file system's tree. Every method is synchronous and atomic on its own. */
export interface TreeStore {
  /** Allocates a fresh inode number (never reused within the file system). */
  allocateIno(): number;
  getInode(ino: number): InodeRecord | undefined;
  putInode(inode: InodeRecord): void;
  /** Removes the inode and its data. */
  deleteInode(ino: number): void;
  lookup(dirIno: number, name: string): number | undefined;
  /** Adds or replaces the entry `name` in `dirIno`. */
  setEntry(dirIno: number, name: string, ino: number): void;
  removeEntry(dirIno: number, name: string): void;
  /** Entries of a directory, sorted by name. */
  listEntries(dirIno: number): DirectoryEntry[];
  /** Reads up to `length` bytes at `offset` (shorter at end of file; zeros in holes). */
  readData(ino: number, offset: number, length: number): Uint8Array;
  /** Writes bytes at `offset`; the caller updates the inode's size. */
  writeData(ino: number, offset: number, data: Uint8Array): void;
  /** Drops data beyond `size` (the caller updates the inode's size). */
  truncateData(ino: number, size: number): void;
}

/** A stored control-plane record: a JSON value under a kind and an id. */
export interface RecordStore {
  get<T>(kind: string, id: string): T | undefined;
  put<T>(kind: string, id: string, value: T): void;
  delete(kind: string, id: string): void;
  /** All records of a kind, in id order. */
  list<T>(kind: string): T[];
  /**
   * The records of a kind whose top-level `field` is the string `value`, in
   * id order: `list(kind).filter((r) => r[field] === value)`, without
   * reading the others.
   */
  listWhere<T>(kind: string, field: string, value: string): T[];
  /** How many records of a kind there are, without reading them (quota checks). */
  count(kind: string): number;
}

/** An append-only stream of JSON events, e.g. EFS connection events per file system. */
export interface EventLog {
  append<T>(stream: string, event: T): void;
  /** Events of a stream in the order appended; `afterSeq` for incremental reads. */
  read<T>(stream: string, afterSeq?: number): { seq: number; event: T }[];
}

/** Everything a running accesslab keeps. */
export interface Store {
  /** The tree of one file system, created empty on first use. */
  tree(fileSystemId: string): TreeStore;
  /** Drops a file system's whole tree. */
  dropTree(fileSystemId: string): void;
  readonly records: RecordStore;
  readonly events: EventLog;
  /**
   * Runs `work` as one transaction: all of its writes become durable
   * together when it returns, or none if it throws. Nested calls join the
   * outer transaction.
   */
  transaction<T>(work: () => T): T;
  close(): void;
}
