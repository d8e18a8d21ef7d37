/**
 * Signing in (MS-SMB2 3.2.4.2.3, 3.2.5.3): two SESSION_SETUP round trips
 * carrying NTLMSSP NEGOTIATE then AUTHENTICATE, the session's
 * pre-authentication integrity hash (SMB 3.1.1: SHA-512 chained over every
 * SESSION_SETUP request and every response but the final one), and the
 * session's keys. A guest or anonymous session is refused, since it has no
 * keys to protect anything with.
 */
import { createHash, randomBytes } from "node:crypto";
import type { SmbConnection } from "./connection.js";
import type { Dialect } from "./dialects.js";
import { COMMAND, HEADER_SIZE } from "./header.js";
import {
  authenticateMessage,
  type NtlmCredentials,
  negotiateMessage,
  parseChallenge,
} from "./ntlm.js";
import { type SessionKeys, sessionKeys } from "./session-keys.js";
import { NT_STATUS, SmbError, statusError } from "./status.js";

/** SMB2_SESSION_FLAG_* of the SESSION_SETUP response. */
export const SESSION_FLAGS = { IS_GUEST: 0x1, IS_NULL: 0x2, ENCRYPT_DATA: 0x4 } as const;

const BODY_SIZE = 24;
const SIGNING_ENABLED = 1;
const NTLMSSP = Buffer.from("NTLMSSP\0", "latin1");

/** The signed-in session. */
export interface Session {
  readonly sessionId: bigint;
  readonly keys: SessionKeys;
  /** Whether the server requires this session's messages to be encrypted. */
  readonly encryptionRequired: boolean;
  /** The final response, to verify its signature with the new keys. */
  readonly finalResponse: Buffer;
}

/**
 * Signs `credentials` in on `connection`.
 *
 * @example
 * const session = await sessionSetup(connection, "3.1.1", connectionHash, { username, password });
 */
export async function sessionSetup(
  connection: SmbConnection,
  dialect: Dialect,
  connectionHash: Buffer,
  credentials: NtlmCredentials,
): Promise<Session> {
  let hash = connectionHash;
  const chain = (message: Buffer): void => {
    if (dialect === "3.1.1") hash = createHash("sha512").update(hash).update(message).digest();
  };
  const first = await connection.request({
    command: COMMAND.SESSION_SETUP,
    body: setupBody(negotiateMessage()),
  });
  chain(first.sent);
  if (first.header.status !== NT_STATUS.STATUS_MORE_PROCESSING_REQUIRED)
    throw statusError(first.header.status, "session setup");
  chain(first.message);
  const challenge = parseChallenge(ntlmToken(securityBlob(first.message)));
  const { message: authenticate, sessionKey } = authenticateMessage(challenge, credentials, {
    clientChallenge: randomBytes(8),
    now: new Date(),
  });
  const sessionId = first.header.sessionId;
  const second = await connection.request({
    command: COMMAND.SESSION_SETUP,
    body: setupBody(authenticate),
    sessionId,
  });
  chain(second.sent);
  if (second.header.status !== NT_STATUS.STATUS_SUCCESS)
    throw statusError(second.header.status, `sign in as \`${credentials.username}\``);
  const flags = second.message.readUInt16LE(HEADER_SIZE + 2);
  if (flags & (SESSION_FLAGS.IS_GUEST | SESSION_FLAGS.IS_NULL))
    throw new SmbError(
      "STATUS_LOGON_FAILURE",
      `sign in as \`${credentials.username}\`: the server made it a guest session`,
    );
  return {
    sessionId,
    keys: sessionKeys(dialect, sessionKey, hash),
    encryptionRequired: (flags & SESSION_FLAGS.ENCRYPT_DATA) !== 0,
    finalResponse: second.message,
  };
}

function setupBody(token: Buffer): Buffer {
  const body = Buffer.alloc(BODY_SIZE);
  body.writeUInt16LE(BODY_SIZE + 1, 0);
  body.writeUInt8(SIGNING_ENABLED, 3);
  body.writeUInt16LE(HEADER_SIZE + BODY_SIZE, 12);
  body.writeUInt16LE(token.length, 14);
  return Buffer.concat([body, token]);
}

function securityBlob(message: Buffer): Buffer {
  const at = message.readUInt16LE(HEADER_SIZE + 4);
  const length = message.readUInt16LE(HEADER_SIZE + 6);
  return message.subarray(at, at + length);
}

/** The NTLMSSP message in a blob, raw or inside a SPNEGO token. */
function ntlmToken(blob: Buffer): Buffer {
  const at = blob.indexOf(NTLMSSP);
  if (at < 0)
    throw new SmbError("SMB_PROTOCOL", "the server did not answer with an NTLMSSP challenge");
  return blob.subarray(at);
}
