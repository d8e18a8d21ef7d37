/**
 * accesslab's SMB client, as function code imports it: connect, sign in,
 * open a share, and list, read and write files, encrypted with SMB 3.
 */
export { type EncryptionPolicy, SMB_PORT, SmbClient, type SmbConnectOptions } from "./client.js";
export type { Dialect } from "./dialects.js";
export type { DirectoryEntry } from "./query-directory.js";
export type { SmbShare } from "./share.js";
export { SmbError } from "./status.js";
