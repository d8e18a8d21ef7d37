/**
 * SMB 3 encryption (MS-SMB2 2.2.41, 3.1.4.3): a message is sealed inside
 * a 52-byte TRANSFORM_HEADER whose bytes 20..51 are the additional
 * authenticated data, with AES-128-GCM (12-byte nonce) or AES-128-CCM
 * (11-byte nonce); the 16-byte tag is the header's signature. Nonces come
 * from a per-key counter, so none repeats under a key.
 */
import { createCipheriv, createDecipheriv } from "node:crypto";

/** The ciphers by wire value (MS-SMB2 2.2.3.1.2). */
export const CIPHER = { AES_128_CCM: 1, AES_128_GCM: 2 } as const;

/** A cipher's wire value. */
export type Cipher = (typeof CIPHER)[keyof typeof CIPHER];

const TRANSFORM_ID = Buffer.from([0xfd, 0x53, 0x4d, 0x42]);
/** The transform header's size. */
export const TRANSFORM_SIZE = 52;
const AAD_START = 20;
const TAG = 16;

/** What seals and opens a session's messages. */
export interface Sealer {
  seal(message: Buffer): Buffer;
  /** The message inside a transform, or `undefined` when it does not authenticate. */
  open(transformed: Buffer): Buffer | undefined;
}

/**
 * Whether `frame` is an encrypted message.
 *
 * @example
 * isTransformed(frame); // true for 0xFD 'S' 'M' 'B'
 */
export function isTransformed(frame: Buffer): boolean {
  return frame.length >= TRANSFORM_SIZE && frame.subarray(0, 4).equals(TRANSFORM_ID);
}

/**
 * The sealer of a session.
 *
 * @example
 * const sealer = createSealer(CIPHER.AES_128_GCM, keys.encryption, keys.decryption, sessionId);
 * socket.write(frame(sealer.seal(request)));
 */
export function createSealer(
  cipher: Cipher,
  encryptionKey: Buffer,
  decryptionKey: Buffer,
  sessionId: bigint,
): Sealer {
  const algorithm = cipher === CIPHER.AES_128_GCM ? "aes-128-gcm" : "aes-128-ccm";
  const nonceLength = cipher === CIPHER.AES_128_GCM ? 12 : 11;
  let counter = 0n;
  return {
    seal(message) {
      const header = Buffer.alloc(TRANSFORM_SIZE);
      TRANSFORM_ID.copy(header, 0);
      counter += 1n;
      header.writeBigUInt64LE(counter, 20);
      header.writeUInt32LE(message.length, 36);
      header.writeUInt16LE(1, 42); // encrypted (3.1.1 Flags; AES-128-CCM for 3.0)
      header.writeBigUInt64LE(sessionId, 44);
      const nonce = header.subarray(20, 20 + nonceLength);
      const aad = header.subarray(AAD_START);
      const engine =
        algorithm === "aes-128-gcm"
          ? createCipheriv(algorithm, encryptionKey, nonce)
          : createCipheriv(algorithm, encryptionKey, nonce, { authTagLength: TAG });
      engine.setAAD(aad, { plaintextLength: message.length });
      const body = Buffer.concat([engine.update(message), engine.final()]);
      engine.getAuthTag().copy(header, 4);
      return Buffer.concat([header, body]);
    },
    open(transformed) {
      if (!isTransformed(transformed)) return undefined;
      const size = transformed.readUInt32LE(36);
      const body = transformed.subarray(TRANSFORM_SIZE);
      if (body.length !== size) return undefined;
      const nonce = transformed.subarray(20, 20 + nonceLength);
      const aad = transformed.subarray(AAD_START, TRANSFORM_SIZE);
      const tag = transformed.subarray(4, 4 + TAG);
      try {
        const engine =
          algorithm === "aes-128-gcm"
            ? createDecipheriv(algorithm, decryptionKey, nonce)
            : createDecipheriv(algorithm, decryptionKey, nonce, { authTagLength: TAG });
        engine.setAuthTag(tag);
        engine.setAAD(aad, { plaintextLength: size });
        return Buffer.concat([engine.update(body), engine.final()]);
      } catch {
        return undefined;
      }
    },
  };
}
