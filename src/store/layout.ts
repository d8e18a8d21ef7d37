/**
 * The storage layout every adapter shares: file data is kept in fixed-size
 * chunks, chunk `i` holding bytes `[i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE)`,
 * so a write in the middle of a large file touches only the chunks it
 * covers. A chunk may be shorter than CHUNK_SIZE (bytes past its end read as
 * zeros) and a missing chunk is a hole.
 */

/** Size of one data chunk: 64 KiB. */
export const CHUNK_SIZE = 64 * 1024;

/** The part of one chunk that a byte range covers. */
export interface ChunkSlice {
  /** Chunk index. */
  readonly index: number;
  /** Offset of the slice within the chunk. */
  readonly within: number;
  /** Offset of the slice within the range. */
  readonly at: number;
  /** Number of bytes. */
  readonly length: number;
}

/**
 * Splits the byte range `[offset, offset + length)` into per-chunk slices,
 * in order.
 *
 * @example
 * chunkSlices(CHUNK_SIZE - 1, 2);
 * // [{ index: 0, within: 65535, at: 0, length: 1 }, { index: 1, within: 0, at: 1, length: 1 }]
 */
export function chunkSlices(offset: number, length: number): ChunkSlice[] {
  const slices: ChunkSlice[] = [];
  let at = 0;
  while (at < length) {
    const position = offset + at;
    const index = Math.floor(position / CHUNK_SIZE);
    const within = position - index * CHUNK_SIZE;
    const take = Math.min(CHUNK_SIZE - within, length - at);
    slices.push({ index, within, at, length: take });
    at += take;
  }
  return slices;
}
