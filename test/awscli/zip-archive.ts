/**
 * Test support: a minimal zip archive writer for Lambda deployment packages
 * (`aws lambda create-function --zip-file fileb://…`). It stores entries
 * uncompressed (method 0) with their CRC-32, a central directory and the
 * end-of-central-directory record, which is all `unzip` and Lambda's
 * "is it a zip" check need; no dependency beyond `node:zlib`'s `crc32`.
 */
import { crc32 } from "node:zlib";

/** One file to put in the archive. */
export interface ZipEntry {
  readonly name: string;
  readonly content: string | Buffer;
}

/**
 * The bytes of a zip archive holding `entries`, stored uncompressed.
 *
 * @example
 * const zip = zipArchive([{ name: "index.js", content: "exports.handler = async () => 1;\n" }]);
 * zip.subarray(0, 4).toString("hex"); // "504b0304"
 */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const data = typeof entry.content === "string" ? Buffer.from(entry.content) : entry.content;
    const fields = { crc: crc32(data), size: data.length, nameLength: name.length };
    const local = Buffer.concat([localHeader(fields), name, data]);
    centrals.push(Buffer.concat([centralHeader(fields, offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  return Buffer.concat([...locals, directory, endRecord(entries.length, directory.length, offset)]);
}

interface EntryFields {
  readonly crc: number;
  readonly size: number;
  readonly nameLength: number;
}

function localHeader({ crc, size, nameLength }: EntryFields): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameLength, 26);
  return header;
}

function centralHeader({ crc, size, nameLength }: EntryFields, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(0x0314, 4); // made by: unix, 2.0
  header.writeUInt16LE(20, 6); // version needed
  header.writeUInt32LE(crc >>> 0, 16);
  header.writeUInt32LE(size, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(nameLength, 28);
  header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular 0644 file
  header.writeUInt32LE(offset, 42);
  return header;
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(directorySize, 12);
  record.writeUInt32LE(directoryOffset, 16);
  return record;
}
