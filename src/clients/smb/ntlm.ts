/**
 * NTLMSSP with NTLMv2 responses (MS-NLMP), the way an SMB client signs in
 * to a server with a user name and password: the NEGOTIATE message, the
 * server's CHALLENGE (its 8-byte challenge, NetBIOS domain and target
 * information), and the AUTHENTICATE message carrying the NTLMv2 proof.
 * The session key is the NTLMv2 session base key: the client does not
 * negotiate key exchange, so no RC4 is needed. Pure functions over
 * buffers; the clock and the client challenge are parameters.
 */
import { createHmac } from "node:crypto";
import { md4 } from "./md4.js";

const SIGNATURE = Buffer.from("NTLMSSP\0", "latin1");

/** The negotiate flags this client asks for (MS-NLMP 2.2.2.5). */
const FLAGS = {
  unicode: 0x00000001,
  requestTarget: 0x00000004,
  sign: 0x00000010,
  ntlm: 0x00000200,
  alwaysSign: 0x00008000,
  extendedSessionSecurity: 0x00080000,
  targetInfo: 0x00800000,
  bits128: 0x20000000,
} as const;

const CLIENT_FLAGS = Object.values(FLAGS).reduce((all, flag) => all | flag, 0) >>> 0;

/** The AV pair id of the server's timestamp in the target information. */
const MSV_AV_TIMESTAMP = 7;
const MSV_AV_EOL = 0;
const MSV_AV_NB_DOMAIN_NAME = 2;

/** What the server's CHALLENGE message says. */
export interface NtlmChallenge {
  readonly flags: number;
  readonly serverChallenge: Buffer;
  readonly targetInfo: Buffer;
  /** The server's NetBIOS domain (from the target information), if given. */
  readonly domain: string | undefined;
  /** The server's timestamp (FILETIME), if given. */
  readonly timestamp: Buffer | undefined;
}

/** Who signs in. */
export interface NtlmCredentials {
  readonly username: string;
  readonly password: string;
  /** The user's domain; the server's own when absent. */
  readonly domain?: string;
}

/** The AUTHENTICATE message and the session key it establishes. */
export interface NtlmAuthentication {
  readonly message: Buffer;
  readonly sessionKey: Buffer;
}

/**
 * The NEGOTIATE message.
 *
 * @example
 * negotiateMessage().subarray(0, 8).toString("latin1"); // "NTLMSSP\u0000"
 */
export function negotiateMessage(): Buffer {
  const message = Buffer.alloc(32);
  SIGNATURE.copy(message, 0);
  message.writeUInt32LE(1, 8);
  message.writeUInt32LE(CLIENT_FLAGS, 12);
  return message;
}

/**
 * Reads a CHALLENGE message; throws on anything else.
 *
 * @example
 * parseChallenge(securityBufferFromServer).serverChallenge.length; // 8
 */
export function parseChallenge(message: Buffer): NtlmChallenge {
  if (message.length < 48 || !message.subarray(0, 8).equals(SIGNATURE))
    throw new Error("the server's answer is not an NTLMSSP message");
  if (message.readUInt32LE(8) !== 2)
    throw new Error("the server's NTLMSSP message is not a CHALLENGE");
  const infoLength = message.readUInt16LE(40);
  const infoOffset = message.readUInt32LE(44);
  if (infoOffset + infoLength > message.length)
    throw new Error("the server's NTLMSSP CHALLENGE is truncated");
  const targetInfo = Buffer.from(message.subarray(infoOffset, infoOffset + infoLength));
  const pairs = avPairs(targetInfo);
  const domain = pairs.get(MSV_AV_NB_DOMAIN_NAME);
  return {
    flags: message.readUInt32LE(20),
    serverChallenge: Buffer.from(message.subarray(24, 32)),
    targetInfo,
    domain: domain?.toString("utf16le"),
    timestamp: pairs.get(MSV_AV_TIMESTAMP),
  };
}

/**
 * The AUTHENTICATE message answering `challenge` (NTLMv2).
 *
 * @example
 * const { message, sessionKey } = authenticateMessage(challenge, { username: "Admin", password: "pw" }, { clientChallenge, now: new Date() });
 */
export function authenticateMessage(
  challenge: NtlmChallenge,
  credentials: NtlmCredentials,
  entropy: { readonly clientChallenge: Buffer; readonly now: Date },
): NtlmAuthentication {
  const domain = credentials.domain ?? challenge.domain ?? "";
  const responseKey = ntowfv2(credentials.password, credentials.username, domain);
  const timestamp = challenge.timestamp ?? fileTime(entropy.now);
  const blob = Buffer.concat([
    Buffer.from([1, 1, 0, 0, 0, 0, 0, 0]),
    timestamp,
    entropy.clientChallenge,
    Buffer.alloc(4),
    challenge.targetInfo,
    Buffer.alloc(4),
  ]);
  const proof = hmacMd5(responseKey, Buffer.concat([challenge.serverChallenge, blob]));
  const ntResponse = Buffer.concat([proof, blob]);
  const lmResponse = Buffer.concat([
    hmacMd5(responseKey, Buffer.concat([challenge.serverChallenge, entropy.clientChallenge])),
    entropy.clientChallenge,
  ]);
  const sessionKey = hmacMd5(responseKey, proof);
  const fields = [
    lmResponse,
    ntResponse,
    Buffer.from(domain, "utf16le"),
    Buffer.from(credentials.username, "utf16le"),
    Buffer.alloc(0), // workstation
    Buffer.alloc(0), // encrypted random session key: no key exchange
  ];
  const header = Buffer.alloc(64);
  SIGNATURE.copy(header, 0);
  header.writeUInt32LE(3, 8);
  let offset = header.length;
  fields.forEach((field, i) => {
    header.writeUInt16LE(field.length, 12 + i * 8);
    header.writeUInt16LE(field.length, 14 + i * 8);
    header.writeUInt32LE(offset, 16 + i * 8);
    offset += field.length;
  });
  header.writeUInt32LE((CLIENT_FLAGS & challenge.flags) >>> 0 || CLIENT_FLAGS, 60);
  return { message: Buffer.concat([header, ...fields]), sessionKey };
}

/** NTOWFv2: HMAC-MD5 keyed by the NT hash of the upper-cased user and the domain. */
function ntowfv2(password: string, username: string, domain: string): Buffer {
  const ntHash = md4(Buffer.from(password, "utf16le"));
  return hmacMd5(ntHash, Buffer.from(username.toUpperCase() + domain, "utf16le"));
}

function hmacMd5(key: Buffer, data: Buffer): Buffer {
  return createHmac("md5", key).update(data).digest();
}

/** A date as a Windows FILETIME (100 ns ticks since 1601), little-endian. */
function fileTime(date: Date): Buffer {
  const ticks = (BigInt(date.getTime()) + 11644473600000n) * 10000n;
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(ticks);
  return out;
}

function avPairs(info: Buffer): Map<number, Buffer> {
  const pairs = new Map<number, Buffer>();
  for (let at = 0; at + 4 <= info.length; ) {
    const id = info.readUInt16LE(at);
    const length = info.readUInt16LE(at + 2);
    if (id === MSV_AV_EOL) break;
    pairs.set(id, Buffer.from(info.subarray(at + 4, at + 4 + length)));
    at += 4 + length;
  }
  return pairs;
}
