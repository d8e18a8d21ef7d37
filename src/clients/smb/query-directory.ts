/**
 * The QUERY_DIRECTORY request (MS-SMB2 2.2.33) and the entries of its
 * answer in the FileDirectoryInformation class (MS-FSCC 2.4.10): name,
 * size, attributes and times of each file in a directory.
 */
import { HEADER_SIZE } from "./header.js";

const FILE_DIRECTORY_INFORMATION = 0x01;
const RESTART_SCANS = 0x01;
const BODY_SIZE = 32;
const FILE_ATTRIBUTE_DIRECTORY = 0x10;

/** One entry of a directory. */
export interface DirectoryEntry {
  readonly name: string;
  readonly size: number;
  readonly directory: boolean;
  readonly modified: Date;
}

/**
 * A QUERY_DIRECTORY for every name (`*`), from the start when `restart`.
 *
 * @example
 * queryDirectoryRequest(fileId, true, 65536);
 */
export function queryDirectoryRequest(
  fileId: Buffer,
  restart: boolean,
  outputLength: number,
): Buffer {
  const pattern = Buffer.from("*", "utf16le");
  const body = Buffer.alloc(BODY_SIZE);
  body.writeUInt16LE(BODY_SIZE + 1, 0);
  body.writeUInt8(FILE_DIRECTORY_INFORMATION, 2);
  body.writeUInt8(restart ? RESTART_SCANS : 0, 3);
  fileId.copy(body, 8);
  body.writeUInt16LE(HEADER_SIZE + BODY_SIZE, 24);
  body.writeUInt16LE(pattern.length, 26);
  body.writeUInt32LE(outputLength, 28);
  return Buffer.concat([body, pattern]);
}

/**
 * The entries of a QUERY_DIRECTORY response (`.` and `..` included).
 *
 * @example
 * directoryEntries(message).map((e) => e.name); // [".", "..", "a.txt"]
 */
export function directoryEntries(message: Buffer): DirectoryEntry[] {
  const body = message.subarray(HEADER_SIZE);
  const at = body.readUInt16LE(2);
  const length = body.readUInt32LE(4);
  const buffer = message.subarray(at, at + length);
  const entries: DirectoryEntry[] = [];
  for (let offset = 0; offset + 64 <= buffer.length; ) {
    const next = buffer.readUInt32LE(offset);
    const nameLength = buffer.readUInt32LE(offset + 60);
    entries.push({
      name: buffer.subarray(offset + 64, offset + 64 + nameLength).toString("utf16le"),
      size: Number(buffer.readBigUInt64LE(offset + 40)),
      directory: (buffer.readUInt32LE(offset + 56) & FILE_ATTRIBUTE_DIRECTORY) !== 0,
      modified: fromFileTime(buffer.readBigUInt64LE(offset + 24)),
    });
    if (next === 0) break;
    offset += next;
  }
  return entries;
}

function fromFileTime(ticks: bigint): Date {
  return new Date(Number(ticks / 10000n - 11644473600000n));
}
