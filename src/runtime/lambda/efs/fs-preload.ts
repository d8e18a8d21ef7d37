/**
 * The module an instance with EFS mounts imports before its handler (named
 * by the mount hook through the runtime's preload list): it reads where
 * the serve process's bridge listens from `ACCESSLAB_EFS_BRIDGE`, removes
 * the variable so the handler never sees the secret, opens the
 * synchronous channel (a worker thread) and installs the bridged calls
 * into `fs`. From then on `fs`, `fs/promises` and streams on paths under
 * each `LocalMountPath` reach the EFS data plane as the mount's mapped
 * identity; every other path is the host's.
 */
import { createRequire } from "node:module";
import { BRIDGE_VARIABLE } from "./assumptions.js";
import type { BridgeAddress } from "./bridge-protocol.js";
import { installFs } from "./install-fs.js";
import { mountedFds } from "./mounted-fds.js";
import { mountedPaths } from "./mounted-paths.js";
import { createRemote } from "./remote.js";
import { openSyncChannel } from "./sync-channel.js";
import { syncTable } from "./sync-table.js";

/**
 * Installs the bridge for the mounts in `address` (what the preload does on import).
 *
 * @example
 * bridgeFs({ port: 40123, secret: "…", mounts: ["/mnt/data"] });
 */
export function bridgeFs(address: BridgeAddress): void {
  const fs = createRequire(import.meta.url)("node:fs") as typeof import("node:fs");
  const local = {
    readFileSync: fs.readFileSync.bind(fs) as (path: unknown) => Buffer,
    writeFileSync: fs.writeFileSync.bind(fs) as (path: unknown, data: Buffer) => void,
  };
  const remote = createRemote(openSyncChannel(address), address.mounts);
  const paths = mountedPaths(remote);
  const fds = mountedFds(remote, fs.openSync.bind(fs), fs.closeSync.bind(fs));
  installFs(fs, syncTable(address.mounts, paths, fds, local), fds, paths);
}

const given = process.env[BRIDGE_VARIABLE];
delete process.env[BRIDGE_VARIABLE];
if (given !== undefined) bridgeFs(JSON.parse(given) as BridgeAddress);
