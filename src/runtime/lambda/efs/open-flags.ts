/**
 * Node's `flags` argument (`"r"`, `"wx+"`, `"a"`, or a number of `O_*`
 * bits) read as the data plane's open flags, plus whether the descriptor
 * may read and write. Unknown strings are refused as Node refuses them
 * (`ERR_INVALID_ARG_VALUE`).
 */
import { constants } from "node:fs";
import type { BridgeOpenFlags } from "./bridge-protocol.js";

/** The flags and the access mode they give a descriptor. */
export interface ParsedFlags {
  readonly flags: BridgeOpenFlags;
  readonly readable: boolean;
  readonly writable: boolean;
  readonly append: boolean;
}

const STRING_FLAGS: Readonly<Record<string, BridgeOpenFlags>> = {
  r: { read: true },
  rs: { read: true },
  sr: { read: true },
  "r+": { read: true, write: true },
  "rs+": { read: true, write: true },
  "sr+": { read: true, write: true },
  w: { write: true, create: true, truncate: true },
  wx: { write: true, create: true, truncate: true, exclusive: true },
  xw: { write: true, create: true, truncate: true, exclusive: true },
  "w+": { read: true, write: true, create: true, truncate: true },
  "wx+": { read: true, write: true, create: true, truncate: true, exclusive: true },
  "xw+": { read: true, write: true, create: true, truncate: true, exclusive: true },
  a: { write: true, create: true, append: true },
  as: { write: true, create: true, append: true },
  sa: { write: true, create: true, append: true },
  ax: { write: true, create: true, append: true, exclusive: true },
  xa: { write: true, create: true, append: true, exclusive: true },
  "a+": { read: true, write: true, create: true, append: true },
  "as+": { read: true, write: true, create: true, append: true },
  "sa+": { read: true, write: true, create: true, append: true },
  "ax+": { read: true, write: true, create: true, append: true, exclusive: true },
  "xa+": { read: true, write: true, create: true, append: true, exclusive: true },
};

/**
 * Parses `flags` (default `"r"`).
 *
 * @example
 * parseFlags("a+"); // { flags: { read: true, write: true, create: true, append: true }, readable: true, writable: true, append: true }
 */
export function parseFlags(flags: unknown = "r"): ParsedFlags {
  const parsed = typeof flags === "number" ? numericFlags(flags) : STRING_FLAGS[String(flags)];
  if (parsed === undefined) {
    const error = new TypeError(
      `The argument 'flags' is invalid. Received ${JSON.stringify(flags)}`,
    ) as TypeError & { code: string };
    error.code = "ERR_INVALID_ARG_VALUE";
    throw error;
  }
  return {
    flags: parsed,
    readable: parsed.read === true,
    writable: parsed.write === true,
    append: parsed.append === true,
  };
}

function numericFlags(bits: number): BridgeOpenFlags {
  const access = bits & 3;
  return {
    read: access === constants.O_RDONLY || access === constants.O_RDWR,
    write: access === constants.O_WRONLY || access === constants.O_RDWR,
    create: (bits & constants.O_CREAT) !== 0,
    exclusive: (bits & constants.O_EXCL) !== 0,
    truncate: (bits & constants.O_TRUNC) !== 0,
    append: (bits & constants.O_APPEND) !== 0,
    directory: (bits & (constants.O_DIRECTORY ?? 0)) !== 0,
  };
}
