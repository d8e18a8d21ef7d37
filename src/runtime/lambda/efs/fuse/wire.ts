/**
 * Framing of the FUSE kernel protocol: a request read from `/dev/fuse` is a
 * `fuse_in_header` (length, opcode, unique id, node id, the caller's uid,
 * gid and pid) followed by the opcode's arguments; a reply is a
 * `fuse_out_header` (length, a negative errno or 0, the request's unique id)
 * followed by the answer. All fields are little-endian, as on every Linux
 * target accesslab runs on. Names in requests are NUL-terminated.
 */
import { IN_HEADER_SIZE, OUT_HEADER_SIZE } from "./opcodes.js";

/** A decoded request. */
export interface FuseRequest {
  readonly opcode: number;
  readonly unique: bigint;
  readonly nodeId: number;
  readonly uid: number;
  readonly gid: number;
  readonly pid: number;
  /** The arguments after the header. */
  readonly body: Buffer;
}

/**
 * Decodes one request, or nothing when it is shorter than its header says.
 *
 * @example
 * parseRequest(buffer)?.opcode; // 26 (INIT)
 */
export function parseRequest(buffer: Buffer): FuseRequest | undefined {
  if (buffer.length < IN_HEADER_SIZE) return undefined;
  const length = buffer.readUInt32LE(0);
  if (length < IN_HEADER_SIZE || length > buffer.length) return undefined;
  return {
    opcode: buffer.readUInt32LE(4),
    unique: buffer.readBigUInt64LE(8),
    nodeId: Number(buffer.readBigUInt64LE(16)),
    uid: buffer.readUInt32LE(24),
    gid: buffer.readUInt32LE(28),
    pid: buffer.readUInt32LE(32),
    body: buffer.subarray(IN_HEADER_SIZE, length),
  };
}

/**
 * A reply carrying `payload` (success).
 *
 * @example
 * replyOk(request.unique, attrOut); // header + payload
 */
export function replyOk(unique: bigint, payload: Buffer = Buffer.alloc(0)): Buffer {
  const out = Buffer.alloc(OUT_HEADER_SIZE + payload.length);
  out.writeUInt32LE(out.length, 0);
  out.writeInt32LE(0, 4);
  out.writeBigUInt64LE(unique, 8);
  payload.copy(out, OUT_HEADER_SIZE);
  return out;
}

/**
 * A reply carrying only an error (`errno` positive, sent negated).
 *
 * @example
 * replyError(request.unique, 2); // ENOENT
 */
export function replyError(unique: bigint, errno: number): Buffer {
  const out = Buffer.alloc(OUT_HEADER_SIZE);
  out.writeUInt32LE(OUT_HEADER_SIZE, 0);
  out.writeInt32LE(-Math.abs(errno), 4);
  out.writeBigUInt64LE(unique, 8);
  return out;
}

/**
 * The NUL-terminated names in `body` from `offset` on (a name, or a
 * rename's two, or a symlink's name and target).
 *
 * @example
 * cStrings(Buffer.from("a\0b\0"), 0); // ["a", "b"]
 */
export function cStrings(body: Buffer, offset: number): string[] {
  const names: string[] = [];
  let start = offset;
  while (start < body.length) {
    let end = body.indexOf(0, start);
    if (end < 0) end = body.length;
    names.push(body.toString("utf8", start, end));
    start = end + 1;
  }
  return names;
}
