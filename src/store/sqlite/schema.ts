/**
 * The SQLite schema, as an ordered list of migrations: migration `i` takes a
 * database from schema version `i` to `i + 1` (kept in `PRAGMA
 * user_version`). Never edit a released migration; append a new one.
 *
 * Layout: every tree table is keyed by the file system id `fs`; file data
 * is kept in CHUNK_SIZE chunks (`chunks.idx` is the chunk index) so a write
 * rewrites only the chunks it covers; `trees.next_ino` is each tree's inode
 * counter. Names and ids sort with the default BINARY collation (UTF-8
 * bytes), the order every adapter lists in. Times are INTEGER columns,
 * which keep a fractional value as REAL.
 */

/** The SQL of each migration, in order. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE trees (
    fs TEXT PRIMARY KEY,
    next_ino INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE inodes (
    fs TEXT NOT NULL,
    ino INTEGER NOT NULL,
    mode INTEGER NOT NULL,
    uid INTEGER NOT NULL,
    gid INTEGER NOT NULL,
    nlink INTEGER NOT NULL,
    size INTEGER NOT NULL,
    atime_ms INTEGER NOT NULL,
    mtime_ms INTEGER NOT NULL,
    ctime_ms INTEGER NOT NULL,
    target TEXT,
    PRIMARY KEY (fs, ino)
  ) WITHOUT ROWID;
  CREATE TABLE entries (
    fs TEXT NOT NULL,
    dir INTEGER NOT NULL,
    name TEXT NOT NULL,
    ino INTEGER NOT NULL,
    PRIMARY KEY (fs, dir, name)
  ) WITHOUT ROWID;
  CREATE TABLE chunks (
    fs TEXT NOT NULL,
    ino INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (fs, ino, idx)
  );
  CREATE TABLE records (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (kind, id)
  );
  CREATE TABLE events (
    stream TEXT NOT NULL,
    seq INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (stream, seq)
  );
  `,
];

/** The schema version this code writes and understands. */
export const SCHEMA_VERSION = MIGRATIONS.length;
