/**
 * Errors as the kernel wants them: the data plane answers with errno
 * names (`EACCES`, `ENOENT`, …, and Node's `ERR_FS_EISDIR` from the
 * bridge's `rm`), FUSE replies carry the positive Linux number, negated in
 * the header. An unknown name becomes EIO, as an NFS client reports a
 * server error it cannot map.
 */
import { constants } from "node:os";

const NUMBERS = constants.errno as Readonly<Record<string, number>>;

/** EIO, the fallback. */
const EIO = 5;

/**
 * The Linux errno number of `name`.
 *
 * @example
 * errnoNumber("EACCES"); // 13
 */
export function errnoNumber(name: string): number {
  const plain = name.startsWith("ERR_FS_") ? name.slice("ERR_FS_".length) : name;
  return NUMBERS[plain] ?? EIO;
}
