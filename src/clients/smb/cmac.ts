/**
 * AES-128-CMAC (RFC 4493), which SMB 3 signs messages with. Node's crypto
 * has AES but no CMAC: the MAC is the last block of AES-CBC (zero IV) over
 * the message whose last block is masked with a subkey.
 */
import { createCipheriv } from "node:crypto";

const BLOCK = 16;
const RB = 0x87;

/**
 * The CMAC of `message` under the 16-byte `key`.
 *
 * @example
 * aesCmac(key, Buffer.alloc(0)).length; // 16
 */
export function aesCmac(key: Buffer, message: Buffer): Buffer {
  const zero = Buffer.alloc(BLOCK);
  const l = encryptBlock(key, zero);
  const k1 = shiftXor(l);
  const k2 = shiftXor(k1);
  const complete = message.length > 0 && message.length % BLOCK === 0;
  const blocks = Math.max(1, Math.ceil(message.length / BLOCK));
  const padded = Buffer.alloc(blocks * BLOCK);
  message.copy(padded);
  if (!complete) padded[message.length] = 0x80;
  const mask = complete ? k1 : k2;
  const last = (blocks - 1) * BLOCK;
  for (let i = 0; i < BLOCK; i++)
    padded[last + i] = (padded[last + i] as number) ^ (mask[i] as number);
  const cipher = createCipheriv("aes-128-cbc", key, zero);
  cipher.setAutoPadding(false);
  const out = Buffer.concat([cipher.update(padded), cipher.final()]);
  return out.subarray(out.length - BLOCK);
}

function encryptBlock(key: Buffer, block: Buffer): Buffer {
  const cipher = createCipheriv("aes-128-ecb", key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

/** Doubling in GF(2^128): shift left one bit, xor Rb when the top bit was set. */
function shiftXor(input: Buffer): Buffer {
  const out = Buffer.alloc(BLOCK);
  for (let i = 0; i < BLOCK; i++)
    out[i] = (((input[i] as number) << 1) | ((input[i + 1] ?? 0) >> 7)) & 0xff;
  if ((input[0] as number) & 0x80) out[BLOCK - 1] = (out[BLOCK - 1] as number) ^ RB;
  return out;
}
