/**
 * The 64-byte SMB2 message header (MS-SMB2 2.2.1) and the command codes:
 * building a request's header, and reading a response's (sync or async
 * form). Offsets inside SMB2 bodies are counted from the start of this
 * header.
 */

/** The size of the header. */
export const HEADER_SIZE = 64;

/** The commands this client sends. */
export const COMMAND = {
  NEGOTIATE: 0,
  SESSION_SETUP: 1,
  LOGOFF: 2,
  TREE_CONNECT: 3,
  TREE_DISCONNECT: 4,
  CREATE: 5,
  CLOSE: 6,
  READ: 8,
  WRITE: 9,
  QUERY_DIRECTORY: 14,
  SET_INFO: 17,
} as const;

/** Header flags. */
export const FLAGS = {
  SERVER_TO_REDIR: 0x1,
  ASYNC_COMMAND: 0x2,
  SIGNED: 0x8,
} as const;

const PROTOCOL_ID = Buffer.from([0xfe, 0x53, 0x4d, 0x42]);

/** What a request's header says. */
export interface RequestHeader {
  readonly command: number;
  readonly messageId: bigint;
  readonly sessionId: bigint;
  readonly treeId: number;
  readonly creditRequest: number;
  readonly creditCharge: number;
}

/** What a response's header says. */
export interface ResponseHeader {
  readonly command: number;
  readonly status: number;
  readonly flags: number;
  readonly messageId: bigint;
  readonly sessionId: bigint;
  readonly treeId: number;
  readonly credits: number;
  readonly nextCommand: number;
}

/**
 * A request header.
 *
 * @example
 * requestHeader({ command: COMMAND.NEGOTIATE, messageId: 0n, sessionId: 0n, treeId: 0, creditRequest: 1, creditCharge: 0 }).length; // 64
 */
export function requestHeader(header: RequestHeader): Buffer {
  const out = Buffer.alloc(HEADER_SIZE);
  PROTOCOL_ID.copy(out, 0);
  out.writeUInt16LE(HEADER_SIZE, 4);
  out.writeUInt16LE(header.creditCharge, 6);
  out.writeUInt16LE(header.command, 12);
  out.writeUInt16LE(header.creditRequest, 14);
  out.writeBigUInt64LE(header.messageId, 24);
  out.writeUInt32LE(header.treeId, 36);
  out.writeBigUInt64LE(header.sessionId, 40);
  return out;
}

/**
 * Reads a response header, or `undefined` when `message` is not SMB2.
 *
 * @example
 * parseResponseHeader(frame)?.status; // 0
 */
export function parseResponseHeader(message: Buffer): ResponseHeader | undefined {
  if (message.length < HEADER_SIZE || !message.subarray(0, 4).equals(PROTOCOL_ID)) return undefined;
  const flags = message.readUInt32LE(16);
  return {
    command: message.readUInt16LE(12),
    status: message.readUInt32LE(8),
    flags,
    messageId: message.readBigUInt64LE(24),
    sessionId: message.readBigUInt64LE(40),
    treeId: flags & FLAGS.ASYNC_COMMAND ? 0 : message.readUInt32LE(36),
    credits: message.readUInt16LE(14),
    nextCommand: message.readUInt32LE(20),
  };
}
