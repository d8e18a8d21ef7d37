/**
 * The READ and WRITE requests (MS-SMB2 2.2.19, 2.2.21) for one chunk of an
 * open file, and their responses.
 */
import { HEADER_SIZE } from "./header.js";

const READ_SIZE = 49;
const WRITE_SIZE = 48;

/**
 * A READ of `length` bytes at `offset`.
 *
 * @example
 * readRequest(fileId, 0n, 65536);
 */
export function readRequest(fileId: Buffer, offset: bigint, length: number): Buffer {
  const body = Buffer.alloc(READ_SIZE);
  body.writeUInt16LE(READ_SIZE, 0);
  body.writeUInt32LE(length, 4);
  body.writeBigUInt64LE(offset, 8);
  fileId.copy(body, 16);
  return body;
}

/**
 * The data of a READ response.
 *
 * @example
 * readData(message).length; // bytes read
 */
export function readData(message: Buffer): Buffer {
  const body = message.subarray(HEADER_SIZE);
  const at = body.readUInt8(2);
  const length = body.readUInt32LE(4);
  return message.subarray(at, at + length);
}

/**
 * A WRITE of `data` at `offset`.
 *
 * @example
 * writeRequest(fileId, 0n, Buffer.from("hello"));
 */
export function writeRequest(fileId: Buffer, offset: bigint, data: Buffer): Buffer {
  const body = Buffer.alloc(WRITE_SIZE);
  body.writeUInt16LE(WRITE_SIZE + 1, 0);
  body.writeUInt16LE(HEADER_SIZE + WRITE_SIZE, 2);
  body.writeUInt32LE(data.length, 4);
  body.writeBigUInt64LE(offset, 8);
  fileId.copy(body, 16);
  return Buffer.concat([body, data]);
}

/**
 * How many bytes a WRITE response says were written.
 *
 * @example
 * writtenCount(message); // 5
 */
export function writtenCount(message: Buffer): number {
  return message.readUInt32LE(HEADER_SIZE + 4);
}
