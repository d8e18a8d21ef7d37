import { describe, expect, it } from "vitest";
import { HEADER_SIZE } from "./header.js";
import { negotiateRequest, parseNegotiateResponse } from "./negotiate.js";

const offer = { clientGuid: Buffer.alloc(16, 7), salt: Buffer.alloc(32, 9) };

/** A NEGOTIATE response as a server would send it, with one encryption context. */
function response(dialect: number, capabilities: number, cipher?: number): Buffer {
  const body = Buffer.alloc(64);
  body.writeUInt16LE(65, 0);
  body.writeUInt16LE(dialect, 4);
  body.writeUInt32LE(capabilities, 24);
  body.writeUInt32LE(8388608, 32);
  body.writeUInt32LE(1048576, 36);
  const blob = Buffer.from("spnego-blob");
  body.writeUInt16LE(HEADER_SIZE + 64, 56);
  body.writeUInt16LE(blob.length, 58);
  const parts = [Buffer.alloc(HEADER_SIZE), body, blob];
  if (cipher !== undefined) {
    const at = (HEADER_SIZE + 64 + blob.length + 7) & ~7;
    parts.push(Buffer.alloc(at - HEADER_SIZE - 64 - blob.length));
    body.writeUInt16LE(1, 6);
    body.writeUInt32LE(at, 60);
    const context = Buffer.alloc(12);
    context.writeUInt16LE(2, 0);
    context.writeUInt16LE(4, 2);
    context.writeUInt16LE(1, 8);
    context.writeUInt16LE(cipher, 10);
    parts.push(context);
  }
  return Buffer.concat(parts);
}

describe("NEGOTIATE", () => {
  it("offers SMB 2 dialects without negotiate contexts", () => {
    const body = negotiateRequest({ ...offer, dialects: ["2.0.2", "2.1"] });
    expect(body.readUInt16LE(2)).toBe(2);
    expect(body.readUInt16LE(32)).toBe(0);
    expect([body.readUInt16LE(36), body.readUInt16LE(38)]).toEqual([0x0202, 0x0210]);
    expect(body.readUInt32LE(8)).toBe(0x44); // encryption and large MTU
  });

  it("offers SMB 3.1.1 with SHA-512 pre-authentication and GCM before CCM, 8-byte aligned", () => {
    const body = negotiateRequest({ ...offer, dialects: ["3.0", "3.1.1"] });
    const contextsAt = body.readUInt32LE(28);
    expect(contextsAt % 8).toBe(0);
    expect(body.readUInt16LE(32)).toBe(2);
    const first = contextsAt - HEADER_SIZE;
    expect(body.readUInt16LE(first)).toBe(1);
    expect(body.readUInt16LE(first + 12)).toBe(1); // SHA-512
    expect(body.subarray(first + 14, first + 46)).toEqual(offer.salt);
    const second = first + ((8 + body.readUInt16LE(first + 2) + 7) & ~7);
    expect(body.readUInt16LE(second)).toBe(2);
    expect([body.readUInt16LE(second + 10), body.readUInt16LE(second + 12)]).toEqual([2, 1]);
  });

  it("reads the chosen dialect, limits, cipher and security blob", () => {
    const answer = parseNegotiateResponse(response(0x0311, 0, 2));
    expect(answer).toMatchObject({ dialect: "3.1.1", maxReadSize: 8388608, cipher: 2 });
    expect(answer.securityBlob.toString()).toBe("spnego-blob");
    expect(parseNegotiateResponse(response(0x0311, 0)).cipher).toBeUndefined();
    expect(parseNegotiateResponse(response(0x0300, 0x40)).cipher).toBe(1);
    expect(parseNegotiateResponse(response(0x0210, 0x40)).cipher).toBeUndefined();
    expect(parseNegotiateResponse(response(0x0311, 0x4)).largeMtu).toBe(true);
    expect(parseNegotiateResponse(response(0x0202, 0x4)).largeMtu).toBe(false); // 2.0.2 has none
    expect(parseNegotiateResponse(response(0x0311, 0)).largeMtu).toBe(false);
  });

  it("refuses an unknown dialect and a truncated answer", () => {
    expect(() => parseNegotiateResponse(response(0x0999, 0))).toThrow("unknown dialect 0x999");
    expect(() => parseNegotiateResponse(Buffer.alloc(80))).toThrow("truncated");
  });
});
