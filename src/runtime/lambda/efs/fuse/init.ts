/**
 * The FUSE INIT handshake: the kernel offers its protocol version and
 * capabilities; accesslab answers version 7.31 (or the kernel's own minor
 * when it is older), the capabilities it wants among those offered, and
 * its limits (writes of up to 128 KiB, nanosecond time granularity). A
 * kernel with another major version is refused with EPROTO.
 */
import {
  FUSE_KERNEL_MINOR,
  FUSE_KERNEL_VERSION,
  INIT_OUT_SIZE,
  MAX_WRITE,
  WANTED_INIT_FLAGS,
} from "./opcodes.js";
import type { OpReply } from "./volume.js";

/** EPROTO. */
const EPROTO = 71;
/** How many background requests the kernel may queue. */
const MAX_BACKGROUND = 16;

/**
 * The reply to INIT's `fuse_init_in`.
 *
 * @example
 * initReply(body).length; // 64, or 71 (EPROTO) for another major version
 */
export function initReply(body: Buffer): OpReply {
  const major = body.readUInt32LE(0);
  const minor = body.readUInt32LE(4);
  if (major !== FUSE_KERNEL_VERSION) return EPROTO;
  const out = Buffer.alloc(INIT_OUT_SIZE);
  out.writeUInt32LE(FUSE_KERNEL_VERSION, 0);
  out.writeUInt32LE(Math.min(minor, FUSE_KERNEL_MINOR), 4);
  out.writeUInt32LE(body.readUInt32LE(8), 8); // max_readahead as offered
  out.writeUInt32LE(body.readUInt32LE(12) & WANTED_INIT_FLAGS, 12);
  out.writeUInt16LE(MAX_BACKGROUND, 16);
  out.writeUInt16LE((MAX_BACKGROUND * 3) / 4, 18);
  out.writeUInt32LE(MAX_WRITE, 20);
  out.writeUInt32LE(1, 24); // time_gran: nanoseconds
  return out;
}
