/**
 * SMB2/3 message signing (MS-SMB2 3.1.4.1): the SIGNED flag is set and the
 * 16-byte signature field (bytes 48..63 of the header) holds HMAC-SHA256
 * (SMB 2.x, truncated) or AES-128-CMAC (SMB 3.x) over the whole message
 * with that field zeroed. Used when a session signs instead of encrypting.
 */
import { createHmac } from "node:crypto";
import { aesCmac } from "./cmac.js";
import type { Dialect } from "./dialects.js";
import { FLAGS } from "./header.js";

const SIGNATURE_AT = 48;
const SIGNATURE_SIZE = 16;

/**
 * Signs `message` in place and returns it.
 *
 * @example
 * sign("3.1.1", keys.signing, request);
 */
export function sign(dialect: Dialect, key: Buffer, message: Buffer): Buffer {
  message.writeUInt32LE(message.readUInt32LE(16) | FLAGS.SIGNED, 16);
  message.fill(0, SIGNATURE_AT, SIGNATURE_AT + SIGNATURE_SIZE);
  signature(dialect, key, message).copy(message, SIGNATURE_AT);
  return message;
}

/**
 * Whether a signed `message` carries the right signature.
 *
 * @example
 * verify("3.1.1", keys.signing, response); // true
 */
export function verify(dialect: Dialect, key: Buffer, message: Buffer): boolean {
  const copy = Buffer.from(message);
  const sent = Buffer.from(copy.subarray(SIGNATURE_AT, SIGNATURE_AT + SIGNATURE_SIZE));
  copy.fill(0, SIGNATURE_AT, SIGNATURE_AT + SIGNATURE_SIZE);
  return signature(dialect, key, copy).equals(sent);
}

function signature(dialect: Dialect, key: Buffer, message: Buffer): Buffer {
  if (dialect.startsWith("3.")) return aesCmac(key, message);
  return createHmac("sha256", key).update(message).digest().subarray(0, SIGNATURE_SIZE);
}
