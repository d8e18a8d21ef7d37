/**
 * File data of the SQLite adapter, in CHUNK_SIZE chunks (see layout.ts):
 * a write reads and rewrites only the chunks it covers (a chunk it covers
 * whole is written without being read), a read fetches only the chunks in
 * its range, and a truncation deletes the chunks past the new end and trims
 * the one it falls in. Each operation is one transaction.
 */
import { CHUNK_SIZE, chunkSlices } from "../layout.js";
import type { Connection } from "./connection.js";

/** Data operations on any tree, keyed by file system id. */
export interface DataTable {
  read(fs: string, ino: number, offset: number, length: number): Uint8Array;
  write(fs: string, ino: number, offset: number, data: Uint8Array): void;
  truncate(fs: string, ino: number, size: number): void;
}

interface ChunkRow {
  idx: number;
  data: Uint8Array;
}

/**
 * Prepares the data statements once for `db`.
 *
 * @example
 * const data = dataTable(db);
 * data.write("fs-1", 2, 0, new TextEncoder().encode("hello"));
 */
export function dataTable(db: Connection): DataTable {
  const selectSize = db
    .prepare<[string, number], number>("SELECT size FROM inodes WHERE fs = ? AND ino = ?")
    .pluck();
  const selectRange = db.prepare<[string, number, number, number], ChunkRow>(
    "SELECT idx, data FROM chunks WHERE fs = ? AND ino = ? AND idx BETWEEN ? AND ? ORDER BY idx",
  );
  const selectChunk = db
    .prepare<[string, number, number], Uint8Array>(
      "SELECT data FROM chunks WHERE fs = ? AND ino = ? AND idx = ?",
    )
    .pluck();
  const upsertChunk = db.prepare<[string, number, number, Uint8Array]>(
    `INSERT INTO chunks (fs, ino, idx, data) VALUES (?, ?, ?, ?)
     ON CONFLICT (fs, ino, idx) DO UPDATE SET data = excluded.data`,
  );
  const deleteFrom = db.prepare<[string, number, number]>(
    "DELETE FROM chunks WHERE fs = ? AND ino = ? AND idx >= ?",
  );
  const trimChunk = db.prepare<{ keep: number; fs: string; ino: number; idx: number }>(
    `UPDATE chunks SET data = substr(data, 1, @keep)
     WHERE fs = @fs AND ino = @ino AND idx = @idx AND length(data) > @keep`,
  );

  const read = db.transaction((fs: string, ino: number, offset: number, length: number) => {
    const size = selectSize.get(fs, ino) ?? 0;
    const end = Math.min(size, offset + length);
    if (end <= offset) return new Uint8Array(0);
    const out = new Uint8Array(end - offset);
    const first = Math.floor(offset / CHUNK_SIZE);
    const last = Math.floor((end - 1) / CHUNK_SIZE);
    for (const { idx, data } of selectRange.iterate(fs, ino, first, last)) {
      const start = idx * CHUNK_SIZE;
      const from = Math.max(offset, start);
      const to = Math.min(end, start + data.length);
      if (to > from) out.set(data.subarray(from - start, to - start), from - offset);
    }
    return out;
  });
  const write = db.transaction((fs: string, ino: number, offset: number, data: Uint8Array) => {
    for (const slice of chunkSlices(offset, data.length)) {
      const piece = data.subarray(slice.at, slice.at + slice.length);
      if (slice.length === CHUNK_SIZE) {
        upsertChunk.run(fs, ino, slice.index, piece);
        continue;
      }
      const old = selectChunk.get(fs, ino, slice.index);
      const needed = slice.within + slice.length;
      let chunk = old;
      if (!chunk || chunk.length < needed) {
        chunk = new Uint8Array(Math.max(needed, old?.length ?? 0));
        if (old) chunk.set(old);
      }
      chunk.set(piece, slice.within);
      upsertChunk.run(fs, ino, slice.index, chunk);
    }
  });
  const truncate = db.transaction((fs: string, ino: number, size: number) => {
    deleteFrom.run(fs, ino, Math.ceil(size / CHUNK_SIZE));
    const keep = size % CHUNK_SIZE;
    if (keep !== 0) trimChunk.run({ keep, fs, ino, idx: Math.floor(size / CHUNK_SIZE) });
  });
  return {
    read: (fs, ino, offset, length) => read.deferred(fs, ino, offset, length),
    write(fs, ino, offset, data) {
      if (data.length > 0) write.immediate(fs, ino, offset, data);
    },
    truncate: (fs, ino, size) => truncate.immediate(fs, ino, size),
  };
}
