/**
 * The CREATE and CLOSE requests (MS-SMB2 2.2.13, 2.2.15): opening a file
 * or directory by its path inside a share (backslashes, no leading one;
 * the empty path is the share's root) with the access, sharing,
 * disposition and options an operation needs, and the 16-byte file id the
 * server answers.
 */
import { HEADER_SIZE } from "./header.js";

/** Access masks (MS-SMB2 2.2.13.1). */
export const ACCESS = {
  READ_DATA: 0x1,
  WRITE_DATA: 0x2,
  APPEND_DATA: 0x4,
  READ_ATTRIBUTES: 0x80,
  WRITE_ATTRIBUTES: 0x100,
  DELETE: 0x10000,
  SYNCHRONIZE: 0x100000,
} as const;

/** CreateDisposition values. */
export const DISPOSITION = { OPEN: 1, CREATE: 2, OPEN_IF: 3, OVERWRITE_IF: 5 } as const;

/** CreateOptions bits. */
export const OPTIONS = {
  DIRECTORY_FILE: 0x1,
  NON_DIRECTORY_FILE: 0x40,
} as const;

const SHARE_ALL = 0x7;
const IMPERSONATION = 2;
const BODY_SIZE = 56;
const FILE_ATTRIBUTE_DIRECTORY = 0x10;

/** How to open. */
export interface CreateSpec {
  readonly path: string;
  readonly access: number;
  readonly disposition: number;
  readonly options: number;
}

/** What CREATE answered. */
export interface Opened {
  readonly fileId: Buffer;
  readonly size: bigint;
  readonly directory: boolean;
}

/**
 * The CREATE request body.
 *
 * @example
 * createRequest({ path: "dir\\a.txt", access: ACCESS.READ_DATA, disposition: DISPOSITION.OPEN, options: 0 });
 */
export function createRequest(spec: CreateSpec): Buffer {
  const name = Buffer.from(spec.path, "utf16le");
  const body = Buffer.alloc(BODY_SIZE);
  body.writeUInt16LE(BODY_SIZE + 1, 0);
  body.writeUInt32LE(IMPERSONATION, 4);
  body.writeUInt32LE(spec.access | ACCESS.READ_ATTRIBUTES | ACCESS.SYNCHRONIZE, 24);
  body.writeUInt32LE(SHARE_ALL, 32);
  body.writeUInt32LE(spec.disposition, 36);
  body.writeUInt32LE(spec.options, 40);
  body.writeUInt16LE(HEADER_SIZE + BODY_SIZE, 44);
  body.writeUInt16LE(name.length, 46);
  return Buffer.concat([body, name.length > 0 ? name : Buffer.alloc(1)]);
}

/**
 * Reads the CREATE response (`message` is the whole SMB2 message).
 *
 * @example
 * parseCreateResponse(message).fileId.length; // 16
 */
export function parseCreateResponse(message: Buffer): Opened {
  const body = message.subarray(HEADER_SIZE);
  return {
    size: body.readBigUInt64LE(48),
    directory: (body.readUInt32LE(56) & FILE_ATTRIBUTE_DIRECTORY) !== 0,
    fileId: Buffer.from(body.subarray(64, 80)),
  };
}

/**
 * The CLOSE request body.
 *
 * @example
 * closeRequest(opened.fileId).length; // 24
 */
export function closeRequest(fileId: Buffer): Buffer {
  const body = Buffer.alloc(24);
  body.writeUInt16LE(24, 0);
  fileId.copy(body, 8);
  return body;
}
