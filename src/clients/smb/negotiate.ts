/**
 * The NEGOTIATE exchange (MS-SMB2 2.2.3, 2.2.4): the client offers its
 * dialects and, with SMB 3.1.1, negotiate contexts (pre-authentication
 * integrity with SHA-512 and a salt; the ciphers it can encrypt with, GCM
 * first); the server answers the dialect it chose, its limits, its cipher
 * and the security blob that starts authentication.
 */

import { DIALECT_VALUES, type Dialect, dialectOf } from "./dialects.js";
import { HEADER_SIZE } from "./header.js";
import { SmbError } from "./status.js";
import { CIPHER, type Cipher } from "./transform.js";

const CONTEXT = { PREAUTH_INTEGRITY: 1, ENCRYPTION: 2 } as const;
const SHA_512 = 1;
/** SMB2_GLOBAL_CAP_ENCRYPTION, for SMB 3.0 and 3.0.2. */
const CAP_ENCRYPTION = 0x40;
/** SMB2_GLOBAL_CAP_LARGE_MTU: reads and writes above 64 KiB, charged in credits. */
const CAP_LARGE_MTU = 0x4;
const SIGNING_ENABLED = 1;
const BODY_SIZE = 36;

/** What the client offers. */
export interface NegotiateOffer {
  readonly dialects: readonly Dialect[];
  readonly clientGuid: Buffer;
  /** 32 random bytes for the pre-authentication integrity context. */
  readonly salt: Buffer;
}

/** What the server chose. */
export interface NegotiateAnswer {
  readonly dialect: Dialect;
  readonly capabilities: number;
  readonly maxReadSize: number;
  readonly maxWriteSize: number;
  /** Whether reads and writes may exceed 64 KiB (multi-credit requests). */
  readonly largeMtu: boolean;
  /** The cipher the server picked (3.1.1), or AES-128-CCM when 3.0/3.0.2 can encrypt. */
  readonly cipher: Cipher | undefined;
  readonly securityBlob: Buffer;
}

/**
 * The NEGOTIATE request body.
 *
 * @example
 * negotiateRequest({ dialects: ["3.1.1"], clientGuid, salt }).readUInt16LE(0); // 36
 */
export function negotiateRequest(offer: NegotiateOffer): Buffer {
  const dialects = Buffer.alloc(offer.dialects.length * 2);
  offer.dialects.forEach((d, i) => {
    dialects.writeUInt16LE(DIALECT_VALUES[d], i * 2);
  });
  const body = Buffer.alloc(BODY_SIZE);
  body.writeUInt16LE(BODY_SIZE, 0);
  body.writeUInt16LE(offer.dialects.length, 2);
  body.writeUInt16LE(SIGNING_ENABLED, 4);
  body.writeUInt32LE(CAP_ENCRYPTION | CAP_LARGE_MTU, 8);
  offer.clientGuid.copy(body, 12);
  if (!offer.dialects.includes("3.1.1")) return Buffer.concat([body, dialects]);
  const contexts = [
    context(
      CONTEXT.PREAUTH_INTEGRITY,
      Buffer.concat([u16(1), u16(offer.salt.length), u16(SHA_512), offer.salt]),
    ),
    context(
      CONTEXT.ENCRYPTION,
      Buffer.concat([u16(2), u16(CIPHER.AES_128_GCM), u16(CIPHER.AES_128_CCM)]),
    ),
  ];
  const head = Buffer.concat([body, dialects]);
  const contextsAt = align8(HEADER_SIZE + head.length);
  body.writeUInt32LE(contextsAt, 28);
  body.writeUInt16LE(contexts.length, 32);
  const parts: Buffer[] = [body, dialects, Buffer.alloc(contextsAt - HEADER_SIZE - head.length)];
  contexts.forEach((c, i) => {
    parts.push(c);
    if (i < contexts.length - 1) parts.push(Buffer.alloc(align8(c.length) - c.length));
  });
  return Buffer.concat(parts);
}

/**
 * Reads the NEGOTIATE response (`message` is the whole SMB2 message).
 *
 * @example
 * parseNegotiateResponse(message).dialect; // "3.1.1"
 */
export function parseNegotiateResponse(message: Buffer): NegotiateAnswer {
  const body = message.subarray(HEADER_SIZE);
  if (body.length < 64) throw protocolError("the NEGOTIATE response is truncated");
  const dialect = dialectOf(body.readUInt16LE(4));
  if (dialect === undefined)
    throw protocolError(
      `the server chose an unknown dialect 0x${body.readUInt16LE(4).toString(16)}`,
    );
  const capabilities = body.readUInt32LE(24);
  const blobAt = body.readUInt16LE(56);
  const blobLength = body.readUInt16LE(58);
  let cipher: Cipher | undefined =
    dialect === "3.0" || dialect === "3.0.2"
      ? capabilities & CAP_ENCRYPTION
        ? CIPHER.AES_128_CCM
        : undefined
      : undefined;
  if (dialect === "3.1.1") {
    let at = body.readUInt32LE(60);
    for (let i = 0; i < body.readUInt16LE(6) && at + 8 <= message.length; i++) {
      const type = message.readUInt16LE(at);
      const length = message.readUInt16LE(at + 2);
      const data = message.subarray(at + 8, at + 8 + length);
      if (type === CONTEXT.ENCRYPTION && data.length >= 4 && data.readUInt16LE(0) === 1) {
        const chosen = data.readUInt16LE(2);
        if (chosen === CIPHER.AES_128_GCM || chosen === CIPHER.AES_128_CCM) cipher = chosen;
      }
      at = align8(at + 8 + length);
    }
  }
  return {
    dialect,
    capabilities,
    maxReadSize: body.readUInt32LE(32),
    maxWriteSize: body.readUInt32LE(36),
    largeMtu: dialect !== "2.0.2" && (capabilities & CAP_LARGE_MTU) !== 0,
    cipher,
    securityBlob: Buffer.from(message.subarray(blobAt, blobAt + blobLength)),
  };
}

function context(type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

function u16(value: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeUInt16LE(value);
  return out;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function protocolError(message: string): SmbError {
  return new SmbError("SMB_PROTOCOL", message);
}
