/**
 * Direct TCP framing on the receiving side (MS-SMB2 2.1): a zero byte and
 * a 24-bit big-endian length before each message. The socket's chunks are
 * kept as they arrive and copied once, into the message, when it is
 * complete: concatenating the whole backlog on every chunk would copy a
 * 1 MiB READ answer sixteen times over.
 */

/** The largest message length the 24-bit prefix can state. */
export const MAX_FRAME = 0xffffff;

/** Splits a byte stream into messages. */
export class FrameReader {
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  /** The length of the message being read, once its prefix has arrived. */
  private expected: number | undefined;

  /**
   * Adds what the socket delivered; answers the messages it completed, in order.
   *
   * @example
   * socket.on("data", (chunk) => reader.push(chunk).forEach(onMessage));
   */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: Buffer[] = [];
    for (;;) {
      if (this.expected === undefined) {
        if (this.buffered < 4) break;
        this.expected = this.take(4).readUInt32BE(0) & MAX_FRAME;
      }
      if (this.buffered < this.expected) break;
      messages.push(this.take(this.expected));
      this.expected = undefined;
    }
    return messages;
  }

  /** The next `length` buffered bytes: a view when one chunk holds them, else one copy. */
  private take(length: number): Buffer {
    this.buffered -= length;
    const first = this.chunks[0];
    if (first !== undefined && first.length >= length) {
      if (first.length === length) this.chunks.shift();
      else this.chunks[0] = first.subarray(length);
      return first.subarray(0, length);
    }
    const out = Buffer.allocUnsafe(length);
    for (let at = 0; at < length; ) {
      const chunk = this.chunks[0] as Buffer;
      const used = Math.min(chunk.length, length - at);
      chunk.copy(out, at, 0, used);
      at += used;
      if (used === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(used);
    }
    return out;
  }
}
