/**
 * The keys of an SMB 3 session (MS-SMB2 3.2.5.3.1): the signing key and
 * the two cipher keys, each derived from the authentication's session key
 * with the SP800-108 counter-mode KDF over HMAC-SHA256. SMB 3.1.1 binds
 * them to the session's pre-authentication integrity hash; SMB 3.0 and
 * 3.0.2 use fixed contexts. SMB 2.x signs with the session key itself.
 */
import { createHmac } from "node:crypto";
import type { Dialect } from "./dialects.js";

/** A session's keys. */
export interface SessionKeys {
  readonly signing: Buffer;
  /** Client to server. */
  readonly encryption: Buffer;
  /** Server to client. */
  readonly decryption: Buffer;
}

/**
 * SP800-108 KDF in counter mode with HMAC-SHA256 (r = 32, L = 128), as SMB 3 uses it.
 *
 * @example
 * smb3Kdf(sessionKey, "SMB2AESCMAC\0", "SmbSign\0").length; // 16
 */
export function smb3Kdf(key: Buffer, label: string, context: Buffer | string): Buffer {
  const fixed = Buffer.concat([
    Buffer.from([0, 0, 0, 1]),
    Buffer.from(label, "latin1"),
    Buffer.from([0]),
    typeof context === "string" ? Buffer.from(context, "latin1") : context,
    Buffer.from([0, 0, 0, 128]),
  ]);
  return createHmac("sha256", key).update(fixed).digest().subarray(0, 16);
}

/**
 * The keys of a session on `dialect`.
 *
 * @example
 * sessionKeys("3.1.1", sessionKey, preauthHash).encryption.length; // 16
 */
export function sessionKeys(
  dialect: Dialect,
  sessionKey: Buffer,
  preauthHash: Buffer,
): SessionKeys {
  if (dialect === "3.1.1")
    return {
      signing: smb3Kdf(sessionKey, "SMBSigningKey\0", preauthHash),
      encryption: smb3Kdf(sessionKey, "SMBC2SCipherKey\0", preauthHash),
      decryption: smb3Kdf(sessionKey, "SMBS2CCipherKey\0", preauthHash),
    };
  if (dialect === "3.0" || dialect === "3.0.2")
    return {
      signing: smb3Kdf(sessionKey, "SMB2AESCMAC\0", "SmbSign\0"),
      encryption: smb3Kdf(sessionKey, "SMB2AESCCM\0", "ServerIn \0"),
      decryption: smb3Kdf(sessionKey, "SMB2AESCCM\0", "ServerOut\0"),
    };
  return { signing: sessionKey, encryption: Buffer.alloc(0), decryption: Buffer.alloc(0) };
}
