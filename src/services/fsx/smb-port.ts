/**
 * The port through which FSx hands its Windows file systems' data side to
 * a real SMB server: the service decides what exists (the file system, its
 * file server user, its encryption setting) and the runtime
 * (`src/runtime/fsx/`, a supervised Samba `smbd` per file system, passed in
 * by the server or CLI composition) serves it on a local address. Services
 * never import the runtime; they only know this interface. Without it (as
 * in `check`) the API works and data access is unavailable.
 */
import type { SmbEncryption } from "./model.js";

/** What one file system's SMB server serves. */
export interface SmbServerSpec {
  readonly fileSystemId: string;
  /** The file server user (the self-managed directory's `UserName`). */
  readonly userName: string;
  readonly encryption: SmbEncryption;
}

/** Where a file system's SMB server listens locally, or why it does not. */
export type SmbLocalAddress =
  | { readonly ok: true; readonly host: string; readonly port: number }
  | { readonly ok: false; readonly problem: string };

/**
 * Runs one SMB server per file system. Methods never throw for a missing
 * or failing server: the problem is kept and answered by `address`.
 *
 * @example
 * await smb.start({ fileSystemId: "fs-0123456789abcdef0", userName: "Admin", encryption: "off" }, "pw");
 * smb.address("fs-0123456789abcdef0"); // { ok: true, host: "127.0.0.1", port: 40123 }
 */
export interface SmbServers {
  /**
   * Starts the server of a file system (creating its directories, its
   * share and, when `password` is given, its user); resolves once it
   * listens or failed to.
   */
  start(spec: SmbServerSpec, password?: string): Promise<void>;
  /** Applies a new encryption setting to new connections. */
  setEncryption(fileSystemId: string, encryption: SmbEncryption): Promise<void>;
  /** Stops the server and removes its directories and files. */
  remove(fileSystemId: string): Promise<void>;
  /** The local address clients connect to. */
  address(fileSystemId: string): SmbLocalAddress;
  /** Stops every server (their files stay). */
  close(): Promise<void>;
}
