/**
 * The TREE_CONNECT request (MS-SMB2 2.2.9, 2.2.10): a share named by its
 * UNC path `\\server\share`, and whether the server requires the share's
 * traffic to be encrypted.
 */
import { HEADER_SIZE } from "./header.js";

/** SMB2_SHAREFLAG_ENCRYPT_DATA. */
const SHAREFLAG_ENCRYPT_DATA = 0x8000;
const BODY_SIZE = 8;

/**
 * The TREE_CONNECT request body for `\\server\share`.
 *
 * @example
 * treeConnectRequest("fs.example.com", "share");
 */
export function treeConnectRequest(server: string, share: string): Buffer {
  const path = Buffer.from(`\\\\${server}\\${share}`, "utf16le");
  const body = Buffer.alloc(BODY_SIZE);
  body.writeUInt16LE(BODY_SIZE + 1, 0);
  body.writeUInt16LE(HEADER_SIZE + BODY_SIZE, 4);
  body.writeUInt16LE(path.length, 6);
  return Buffer.concat([body, path]);
}

/**
 * Whether the TREE_CONNECT response says the share requires encryption.
 *
 * @example
 * shareRequiresEncryption(message); // true
 */
export function shareRequiresEncryption(message: Buffer): boolean {
  return (message.readUInt32LE(HEADER_SIZE + 4) & SHAREFLAG_ENCRYPT_DATA) !== 0;
}
