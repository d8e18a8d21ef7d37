import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CIPHER, createSealer, isTransformed, TRANSFORM_SIZE } from "./transform.js";

const message = Buffer.from("fe534d42 an SMB2 message stands here", "latin1");

describe.each([
  ["AES-128-GCM", CIPHER.AES_128_GCM],
  ["AES-128-CCM", CIPHER.AES_128_CCM],
])("the %s sealer", (_name, cipher) => {
  const c2s = randomBytes(16);
  const s2c = randomBytes(16);
  const client = createSealer(cipher, c2s, s2c, 0x1122334455667788n);
  const server = createSealer(cipher, s2c, c2s, 0x1122334455667788n);

  it("seals into a transform header that carries the session and the size", () => {
    const sealed = client.seal(message);
    expect(isTransformed(sealed)).toBe(true);
    expect(sealed.length).toBe(TRANSFORM_SIZE + message.length);
    expect(sealed.readUInt32LE(36)).toBe(message.length);
    expect(sealed.readBigUInt64LE(44)).toBe(0x1122334455667788n);
    expect(sealed.includes(message)).toBe(false);
  });

  it("opens what the other side sealed, and never reuses a nonce", () => {
    const first = client.seal(message);
    const second = client.seal(message);
    expect(first.subarray(20, 36).equals(second.subarray(20, 36))).toBe(false);
    expect(server.open(first)).toEqual(message);
    expect(server.open(second)).toEqual(message);
  });

  it("refuses a message whose body, header or key is wrong", () => {
    const sealed = client.seal(message);
    const body = Buffer.from(sealed);
    body[TRANSFORM_SIZE] = (body[TRANSFORM_SIZE] as number) ^ 1;
    expect(server.open(body)).toBeUndefined();
    const header = Buffer.from(sealed);
    header[44] = (header[44] as number) ^ 1; // the session id is authenticated
    expect(server.open(header)).toBeUndefined();
    expect(client.open(sealed)).toBeUndefined(); // sealed with the other direction's key
  });
});
