import { describe, expect, it } from "vitest";
import { testFileSystem } from "../session.test-support.js";
import { dispatch } from "./dispatch.js";
import { Fattr, FuseOp, IN_HEADER_SIZE } from "./opcodes.js";
import { FuseVolume } from "./volume.js";
import { parseRequest } from "./wire.js";

/** A volume on an access point root `/ap` owned by `owner`, used as `uid`. */
function volume(uid = 1000, owner = uid): FuseVolume {
  const { ctx, session } = testFileSystem({ uid, owner });
  return new FuseVolume(ctx, session);
}

let unique = 0n;

/** Sends one request; the reply's errno (0 on success) and payload. */
function send(v: FuseVolume, opcode: number, nodeId: number, ...parts: (Buffer | string)[]) {
  const body = Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(`${p}\0`) : p)));
  const header = Buffer.alloc(IN_HEADER_SIZE);
  header.writeUInt32LE(IN_HEADER_SIZE + body.length, 0);
  header.writeUInt32LE(opcode, 4);
  header.writeBigUInt64LE(++unique, 8);
  header.writeBigUInt64LE(BigInt(nodeId), 16);
  const request = parseRequest(Buffer.concat([header, body]));
  if (!request) throw new Error("bad frame");
  const reply = dispatch(v, request);
  if (!reply) return undefined;
  expect(reply.readBigUInt64LE(8)).toBe(unique);
  return { errno: Math.abs(reply.readInt32LE(4)), payload: reply.subarray(16) };
}

const u32 = (...values: number[]) => {
  const b = Buffer.alloc(values.length * 4);
  for (const [i, v] of values.entries()) b.writeUInt32LE(v, i * 4);
  return b;
};
const u64 = (value: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(value));
  return b;
};
/** fuse_read_in / fuse_write_in with `fh`, `offset`, `size`. */
const io = (fh: number, offset: number, size: number) =>
  Buffer.concat([u64(fh), u64(offset), u32(size, 0), u64(0), u32(0, 0)]);
const nodeOf = (payload: Buffer) => Number(payload.readBigUInt64LE(0));
const modeOf = (entry: Buffer) => entry.readUInt32LE(40 + 60);

describe("dispatch", () => {
  it("answers INIT with 7.31 and the wanted capabilities among those offered", () => {
    const v = volume();
    const reply = send(v, FuseOp.INIT, 0, u32(7, 41, 131072, 0xffffffff));
    expect(reply?.errno).toBe(0);
    expect(reply?.payload.length).toBe(64);
    expect([...u32(7, 31)]).toEqual([...(reply?.payload.subarray(0, 8) ?? [])]);
    expect(reply?.payload.readUInt32LE(12)).toBe((1 << 3) | (1 << 5));
    expect(reply?.payload.readUInt32LE(20)).toBe(128 * 1024);
    expect(send(v, FuseOp.INIT, 0, u32(8, 0, 0, 0))?.errno).toBe(71);
  });

  it("creates, writes, reads and lists files as the mapped identity", () => {
    const v = volume();
    expect(send(v, FuseOp.LOOKUP, 1, "a.txt")?.errno).toBe(2);
    const created = send(v, FuseOp.CREATE, 1, u32(0o1101, 0o644, 0o022, 0), "a.txt");
    expect(created?.errno).toBe(0);
    const entry = created?.payload.subarray(0, 128) as Buffer;
    const node = nodeOf(entry);
    expect(modeOf(entry)).toBe(0o100644);
    expect(entry.readUInt32LE(40 + 68)).toBe(1000);
    const fh = Number(created?.payload.readBigUInt64LE(128));
    const data = Buffer.from("hello world");
    const wrote = send(v, FuseOp.WRITE, node, io(fh, 0, data.length), data);
    expect(wrote?.payload.readUInt32LE(0)).toBe(11);
    expect(send(v, FuseOp.READ, node, io(fh, 6, 100))?.payload.toString()).toBe("world");
    expect(send(v, FuseOp.GETATTR, node, Buffer.alloc(16))?.payload.readBigUInt64LE(16 + 8)).toBe(
      11n,
    );
    expect(send(v, FuseOp.RELEASE, node, Buffer.alloc(24))?.errno).toBe(0);
    const dir = send(v, FuseOp.OPENDIR, 1, u32(0, 0));
    const listed = send(v, FuseOp.READDIR, 1, io(nodeOf(dir?.payload as Buffer), 0, 4096));
    const names: string[] = [];
    const p = listed?.payload as Buffer;
    for (let at = 0; at < p.length; ) {
      const length = p.readUInt32LE(at + 16);
      names.push(p.toString("utf8", at + 24, at + 24 + length));
      at += (24 + length + 7) & ~7;
    }
    expect(names).toEqual([".", "..", "a.txt"]);
  });

  it("appends at the data plane's end for an O_APPEND handle", () => {
    const v = volume();
    const created = send(v, FuseOp.CREATE, 1, u32(0o1101, 0o644, 0, 0), "log");
    const node = nodeOf(created?.payload as Buffer);
    const first = Number(created?.payload.readBigUInt64LE(128));
    send(v, FuseOp.WRITE, node, io(first, 0, 3), Buffer.from("one"));
    const opened = send(v, FuseOp.OPEN, node, u32(0o2001, 0));
    const fh = Number(opened?.payload.readBigUInt64LE(0));
    expect(opened?.payload.readUInt32LE(8)).toBe(1); // FOPEN_DIRECT_IO
    send(v, FuseOp.WRITE, node, io(fh, 0, 3), Buffer.from("two"));
    expect(send(v, FuseOp.READ, node, io(fh, 0, 100))?.payload.toString()).toBe("onetwo");
  });

  it("refuses what the identity may not do, with the data plane's errno", () => {
    const v = volume(1001, 0);
    expect(send(v, FuseOp.CREATE, 1, u32(0o101, 0o644, 0, 0), "f")?.errno).toBe(13);
    expect(send(v, FuseOp.MKDIR, 1, u32(0o755, 0), "d")?.errno).toBe(13);
    expect(send(v, FuseOp.ACCESS, 1, u32(2, 0))?.errno).toBe(13);
    expect(send(v, FuseOp.ACCESS, 1, u32(5, 0))?.errno).toBe(0);
    const setattr = Buffer.alloc(88);
    setattr.writeUInt32LE(Fattr.MODE, 0);
    setattr.writeUInt32LE(0o777, 68);
    expect(send(v, FuseOp.SETATTR, 1, setattr)?.errno).toBe(1);
    expect(send(v, FuseOp.GETXATTR, 1, u32(0, 0), "user.x")?.errno).toBe(38);
  });

  it("keeps node paths through renames and forgets nodes", () => {
    const v = volume();
    const dir = nodeOf(send(v, FuseOp.MKDIR, 1, u32(0o755, 0), "d")?.payload as Buffer);
    const file = send(v, FuseOp.CREATE, dir, u32(0o101, 0o600, 0, 0), "f")?.payload as Buffer;
    expect(modeOf(file)).toBe(0o100600);
    expect(send(v, FuseOp.RENAME, 1, u64(1), "d", "e")?.errno).toBe(0);
    expect(v.nodes.pathOf(nodeOf(file))).toBe("/e/f");
    expect(send(v, FuseOp.GETATTR, nodeOf(file), Buffer.alloc(16))?.errno).toBe(0);
    expect(send(v, FuseOp.SYMLINK, 1, "l", "e/f")?.errno).toBe(0);
    const link = nodeOf(send(v, FuseOp.LOOKUP, 1, "l")?.payload as Buffer);
    expect(send(v, FuseOp.READLINK, link)?.payload.toString()).toBe("e/f");
    expect(send(v, FuseOp.FORGET, link, u64(2))).toBeUndefined();
    expect(v.nodes.pathOf(link)).toBeUndefined();
    expect(send(v, FuseOp.UNLINK, 1, "l")?.errno).toBe(0);
    expect(send(v, FuseOp.RMDIR, 1, "e")?.errno).toBe(39);
  });

  it("truncates and sets times through SETATTR", () => {
    const v = volume();
    const created = send(v, FuseOp.CREATE, 1, u32(0o101, 0o644, 0, 0), "t")?.payload as Buffer;
    const node = nodeOf(created);
    send(v, FuseOp.WRITE, node, io(1, 0, 6), Buffer.from("123456"));
    const body = Buffer.alloc(88);
    body.writeUInt32LE(Fattr.SIZE | Fattr.MTIME, 0);
    body.writeBigUInt64LE(2n, 16);
    body.writeBigUInt64LE(1_000n, 40);
    const reply = send(v, FuseOp.SETATTR, node, body)?.payload as Buffer;
    expect(reply.readBigUInt64LE(16 + 8)).toBe(2n);
    expect(reply.readBigUInt64LE(16 + 32)).toBe(1_000n);
  });
});
