import { describe, expect, it } from "vitest";
import { attrOut, entryOut, packAttr } from "./attr.js";
import { packDirents } from "./dirent.js";
import { errnoNumber } from "./errno.js";
import { ATTR_SIZE, IN_HEADER_SIZE } from "./opcodes.js";
import { cStrings, parseRequest, replyError, replyOk } from "./wire.js";

/** A request as the kernel frames it. */
function frame(opcode: number, nodeId: number, body: Buffer, unique = 77n): Buffer {
  const header = Buffer.alloc(IN_HEADER_SIZE);
  header.writeUInt32LE(IN_HEADER_SIZE + body.length, 0);
  header.writeUInt32LE(opcode, 4);
  header.writeBigUInt64LE(unique, 8);
  header.writeBigUInt64LE(BigInt(nodeId), 16);
  header.writeUInt32LE(993, 24);
  header.writeUInt32LE(990, 28);
  header.writeUInt32LE(4242, 32);
  return Buffer.concat([header, body]);
}

const stat = {
  ino: 12,
  mode: 0o100644,
  uid: 1000,
  gid: 1001,
  nlink: 2,
  size: 1025,
  atimeMs: 1_700_000_000_123.5,
  mtimeMs: 1_700_000_001_000,
  ctimeMs: 1_700_000_002_999,
};

describe("parseRequest", () => {
  it("reads the header fields and the arguments up to the stated length", () => {
    const request = parseRequest(
      Buffer.concat([frame(1, 5, Buffer.from("a.txt\0")), Buffer.alloc(9)]),
    );
    expect(request).toMatchObject({
      opcode: 1,
      unique: 77n,
      nodeId: 5,
      uid: 993,
      gid: 990,
      pid: 4242,
    });
    expect(request?.body.toString()).toBe("a.txt\0");
  });

  it("refuses a frame shorter than its header or its stated length", () => {
    expect(parseRequest(Buffer.alloc(20))).toBeUndefined();
    const cut = frame(1, 5, Buffer.from("abcdef"));
    expect(parseRequest(cut.subarray(0, cut.length - 2))).toBeUndefined();
  });
});

describe("replies", () => {
  it("frames a payload with its length, 0 and the unique id", () => {
    const out = replyOk(9n, Buffer.from([1, 2, 3]));
    expect(out.readUInt32LE(0)).toBe(19);
    expect(out.readInt32LE(4)).toBe(0);
    expect(out.readBigUInt64LE(8)).toBe(9n);
    expect([...out.subarray(16)]).toEqual([1, 2, 3]);
  });

  it("frames an error as the negated errno without payload", () => {
    const out = replyError(9n, errnoNumber("EACCES"));
    expect(out.length).toBe(16);
    expect(out.readInt32LE(4)).toBe(-13);
  });

  it("maps errno names, Node's ERR_FS_ names and unknown ones", () => {
    expect(errnoNumber("ENOENT")).toBe(2);
    expect(errnoNumber("ERR_FS_EISDIR")).toBe(21);
    expect(errnoNumber("ENOTEMPTY")).toBe(39);
    expect(errnoNumber("EWHATEVER")).toBe(5);
  });

  it("splits NUL-terminated names", () => {
    expect(cStrings(Buffer.from("\0\0\0\0old\0new\0"), 4)).toEqual(["old", "new"]);
  });
});

describe("attribute packing", () => {
  it("lays out struct fuse_attr", () => {
    const buffer = Buffer.alloc(ATTR_SIZE);
    packAttr(buffer, 0, stat);
    expect(buffer.readBigUInt64LE(0)).toBe(12n);
    expect(buffer.readBigUInt64LE(8)).toBe(1025n);
    expect(buffer.readBigUInt64LE(16)).toBe(3n); // 512-byte blocks, rounded up
    expect(buffer.readBigUInt64LE(24)).toBe(1_700_000_000n);
    expect(buffer.readUInt32LE(48)).toBe(123_500_000);
    expect(buffer.readBigUInt64LE(32)).toBe(1_700_000_001n);
    expect(buffer.readBigUInt64LE(40)).toBe(1_700_000_002n);
    expect(buffer.readUInt32LE(56)).toBe(999_000_000);
    expect(buffer.readUInt32LE(60)).toBe(0o100644);
    expect(buffer.readUInt32LE(64)).toBe(2);
    expect(buffer.readUInt32LE(68)).toBe(1000);
    expect(buffer.readUInt32LE(72)).toBe(1001);
    expect(buffer.readUInt32LE(80)).toBe(4096);
  });

  it("puts the node id first in an entry and the attributes last", () => {
    const entry = entryOut(13, stat);
    expect(entry.length).toBe(128);
    expect(entry.readBigUInt64LE(0)).toBe(13n);
    expect(entry.readBigUInt64LE(16)).toBe(0n); // entry_valid: ask again every time
    expect(entry.readBigUInt64LE(40)).toBe(12n);
    const attr = attrOut(stat);
    expect(attr.length).toBe(104);
    expect(attr.readUInt32LE(16 + 60)).toBe(0o100644);
  });
});

describe("packDirents", () => {
  const listing = [
    { name: ".", ino: 2, type: "directory" as const },
    { name: "..", ino: 2, type: "directory" as const },
    { name: "a-longer-name.txt", ino: 9, type: "file" as const },
    { name: "link", ino: 10, type: "symlink" as const },
  ];

  it("pads each dirent to 8 bytes with the next offset, length and DT type", () => {
    const packed = packDirents(listing, 0, 4096);
    expect(packed.length).toBe(32 + 32 + 48 + 32);
    expect(packed.readBigUInt64LE(64)).toBe(9n);
    expect(packed.readBigUInt64LE(64 + 8)).toBe(3n);
    expect(packed.readUInt32LE(64 + 16)).toBe(17);
    expect(packed.readUInt32LE(64 + 20)).toBe(8);
    expect(packed.toString("utf8", 64 + 24, 64 + 41)).toBe("a-longer-name.txt");
    expect(packed.readUInt32LE(112 + 20)).toBe(10);
  });

  it("resumes at the offset and stops before an entry that does not fit", () => {
    expect(packDirents(listing, 2, 4096).length).toBe(80);
    expect(packDirents(listing, 0, 70).length).toBe(64);
    expect(packDirents(listing, 4, 4096).length).toBe(0);
  });
});
