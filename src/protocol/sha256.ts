/**
 * SHA-256 and HMAC-SHA-256 for `@smithy/signature-v4`, on node's own crypto.
 * The signer only needs a constructor with `update` and `digest`; node's
 * `createHash`/`createHmac` are native and synchronous, so this small class
 * replaces the pure-JS `@aws-crypto/sha256-js` and saves a dependency.
 */
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";

/** What the signer hands in: text (UTF-8) or bytes. */
export type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBytes(data: SourceData): Uint8Array {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/**
 * A SHA-256 hash, or an HMAC-SHA-256 when given a secret.
 *
 * @example
 * new Sha256("key").update("data"); // then `await digest()`
 */
export class Sha256 {
  private hash: Hash | Hmac;

  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined
      ? createHash("sha256")
      : createHmac("sha256", toBytes(this.secret));
  }

  update(data: SourceData): void {
    this.hash.update(toBytes(data));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }

  reset(): void {
    this.hash = this.fresh();
  }
}

/**
 * Hex SHA-256 of some bytes.
 *
 * @example
 * sha256Hex(new Uint8Array()); // "e3b0c442…b855"
 */
export function sha256Hex(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
