/**
 * Routes one FUSE request to its handler and frames the answer: a reply
 * with the payload, an error reply with the negated errno, or nothing
 * (FORGET, BATCH_FORGET and INTERRUPT get no reply; every request is
 * answered before the next is read, so there is nothing to interrupt).
 * Extended attributes and everything else not handled answer ENOSYS,
 * which the kernel remembers and turns into EOPNOTSUPP for the caller.
 */
import { access, opendir, readdir, statfs } from "./dir-ops.js";
import { forget, link, lookup, make, readlink, remove, rename, symlink } from "./entry-ops.js";
import { create, getattr, open, read, release, setattr, write } from "./file-ops.js";
import { initReply } from "./init.js";
import { FuseOp } from "./opcodes.js";
import { EIO, type FuseVolume, type OpReply } from "./volume.js";
import { type FuseRequest, replyError, replyOk } from "./wire.js";

/** ENOSYS. */
const ENOSYS = 38;
/** RENAME2 (`renameat2` with flags; flags other than 0 are refused). */
const RENAME2 = 45;

/**
 * The reply frame for `request`, or nothing.
 *
 * @example
 * const frame = dispatch(volume, parseRequest(buffer));
 * if (frame) writeSync(fd, frame);
 */
export function dispatch(volume: FuseVolume, request: FuseRequest): Buffer | undefined {
  let reply: OpReply;
  try {
    reply = answer(volume, request);
  } catch {
    // a malformed request (arguments shorter than the opcode needs)
    reply = EIO;
  }
  if (reply === null) return undefined;
  return typeof reply === "number"
    ? replyError(request.unique, reply)
    : replyOk(request.unique, reply);
}

function answer(volume: FuseVolume, r: FuseRequest): OpReply {
  const { nodeId: node, body } = r;
  switch (r.opcode) {
    case FuseOp.INIT:
      return initReply(body);
    case FuseOp.LOOKUP:
      return lookup(volume, node, body);
    case FuseOp.FORGET:
      return forget(volume, node, body, false);
    case FuseOp.BATCH_FORGET:
      return forget(volume, node, body, true);
    case FuseOp.GETATTR:
      return getattr(volume, node);
    case FuseOp.SETATTR:
      return setattr(volume, node, body);
    case FuseOp.READLINK:
      return readlink(volume, node);
    case FuseOp.SYMLINK:
      return symlink(volume, node, body);
    case FuseOp.MKNOD:
      return make(volume, node, body, "file");
    case FuseOp.MKDIR:
      return make(volume, node, body, "directory");
    case FuseOp.UNLINK:
      return remove(volume, node, body, "unlink");
    case FuseOp.RMDIR:
      return remove(volume, node, body, "rmdir");
    case FuseOp.RENAME:
      return rename(volume, node, body, false);
    case RENAME2:
      return rename(volume, node, body, true);
    case FuseOp.LINK:
      return link(volume, node, body);
    case FuseOp.OPEN:
      return open(volume, node, body);
    case FuseOp.CREATE:
      return create(volume, node, body);
    case FuseOp.READ:
      return read(volume, node, body);
    case FuseOp.WRITE:
      return write(volume, node, body);
    case FuseOp.RELEASE:
    case FuseOp.RELEASEDIR:
      return release(volume, body);
    case FuseOp.OPENDIR:
      return opendir(volume, node);
    case FuseOp.READDIR:
      return readdir(volume, body);
    case FuseOp.STATFS:
      return statfs(volume, node);
    case FuseOp.ACCESS:
      return access(volume, node, body);
    case FuseOp.FLUSH:
    case FuseOp.FSYNC:
    case FuseOp.FSYNCDIR:
    case FuseOp.DESTROY:
      return Buffer.alloc(0);
    case FuseOp.INTERRUPT:
      return null;
    default:
      return ENOSYS;
  }
}
