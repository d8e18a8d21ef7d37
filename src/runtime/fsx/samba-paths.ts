/**
 * Where one file system's Samba instance keeps everything, under
 * accesslab's SMB root (`<state>/fsx/` next to the SQLite state, or a
 * temporary directory for an in-memory state): the generated `smb.conf`
 * and username map, Samba's private directories (state, lock, cache, pid,
 * private with the passdb, ncalrpc, log) and the `share` directory the SMB
 * share `share` serves. Nothing is shared with the system's own Samba.
 */
import { join } from "node:path";

/** The paths of one instance. */
export interface SambaPaths {
  readonly root: string;
  readonly config: string;
  readonly userMap: string;
  /** The last port the instance listened on (reused when free). */
  readonly portFile: string;
  readonly state: string;
  readonly lock: string;
  readonly cache: string;
  readonly pid: string;
  readonly private: string;
  readonly ncalrpc: string;
  readonly log: string;
  /** The directory the share `share` serves. */
  readonly share: string;
}

/** The directories to create (everything but the files). */
export const SAMBA_DIRECTORIES = [
  "state",
  "lock",
  "cache",
  "pid",
  "private",
  "ncalrpc",
  "log",
  "share",
] as const;

/**
 * The paths of `fileSystemId`'s instance under `smbRoot`.
 *
 * @example
 * sambaPaths("/srv/.accesslab/fsx", "fs-0123456789abcdef0").share;
 * // "/srv/.accesslab/fsx/fs-0123456789abcdef0/share"
 */
export function sambaPaths(smbRoot: string, fileSystemId: string): SambaPaths {
  const root = join(smbRoot, fileSystemId);
  const samba = join(root, "samba");
  return {
    root,
    config: join(root, "smb.conf"),
    userMap: join(root, "usermap"),
    portFile: join(root, "port"),
    state: join(samba, "state"),
    lock: join(samba, "lock"),
    cache: join(samba, "cache"),
    pid: join(samba, "pid"),
    private: join(samba, "private"),
    ncalrpc: join(samba, "ncalrpc"),
    log: join(samba, "log"),
    share: join(root, "share"),
  };
}
