/**
 * Encoding of file attributes for the kernel: `struct fuse_attr` from a
 * data-plane stat (times split into seconds and nanoseconds, blocks in
 * 512-byte units), and the replies built on it, `fuse_entry_out` (LOOKUP,
 * CREATE, MKDIR, …) and `fuse_attr_out` (GETATTR, SETATTR). Validity
 * times are zero: the kernel asks again every time, so what the instance's
 * `fs` preload changes through the bridge is seen at once.
 */
import type { BridgeStat } from "../bridge-protocol.js";
import { ATTR_OUT_SIZE, ATTR_SIZE, ENTRY_OUT_SIZE } from "./opcodes.js";

/** The preferred I/O size reported in `st_blksize`. */
const BLOCK_SIZE = 4096;

function seconds(ms: number): { sec: bigint; nsec: number } {
  const whole = Math.floor(ms / 1000);
  const nsec = Math.min(999_999_999, Math.max(0, Math.round((ms - whole * 1000) * 1e6)));
  return { sec: BigInt(Math.max(0, whole)), nsec };
}

/**
 * Writes `struct fuse_attr` for `stat` at `offset`.
 *
 * @example
 * packAttr(buffer, 40, stat);
 */
export function packAttr(buffer: Buffer, offset: number, stat: BridgeStat): void {
  const a = seconds(stat.atimeMs);
  const m = seconds(stat.mtimeMs);
  const c = seconds(stat.ctimeMs);
  buffer.writeBigUInt64LE(BigInt(stat.ino), offset);
  buffer.writeBigUInt64LE(BigInt(stat.size), offset + 8);
  buffer.writeBigUInt64LE(BigInt(Math.ceil(stat.size / 512)), offset + 16);
  buffer.writeBigUInt64LE(a.sec, offset + 24);
  buffer.writeBigUInt64LE(m.sec, offset + 32);
  buffer.writeBigUInt64LE(c.sec, offset + 40);
  buffer.writeUInt32LE(a.nsec, offset + 48);
  buffer.writeUInt32LE(m.nsec, offset + 52);
  buffer.writeUInt32LE(c.nsec, offset + 56);
  buffer.writeUInt32LE(stat.mode >>> 0, offset + 60);
  buffer.writeUInt32LE(stat.nlink, offset + 64);
  buffer.writeUInt32LE(stat.uid >>> 0, offset + 68);
  buffer.writeUInt32LE(stat.gid >>> 0, offset + 72);
  buffer.writeUInt32LE(0, offset + 76); // rdev
  buffer.writeUInt32LE(BLOCK_SIZE, offset + 80);
  buffer.writeUInt32LE(0, offset + 84); // flags
}

/**
 * `fuse_entry_out` naming node `nodeId` with `stat`'s attributes.
 *
 * @example
 * entryOut(8, stat).length; // 128
 */
export function entryOut(nodeId: number, stat: BridgeStat): Buffer {
  const out = Buffer.alloc(ENTRY_OUT_SIZE);
  out.writeBigUInt64LE(BigInt(nodeId), 0);
  // generation, entry_valid, attr_valid and their nanoseconds stay 0
  packAttr(out, ENTRY_OUT_SIZE - ATTR_SIZE, stat);
  return out;
}

/**
 * `fuse_attr_out` for `stat`.
 *
 * @example
 * attrOut(stat).length; // 104
 */
export function attrOut(stat: BridgeStat): Buffer {
  const out = Buffer.alloc(ATTR_OUT_SIZE);
  packAttr(out, ATTR_OUT_SIZE - ATTR_SIZE, stat);
  return out;
}
