/**
 * The two Samba servers the SMB benchmark measures against, started the
 * way accesslab starts an FSx file system's `smbd` (the supervisor in
 * `src/runtime/fsx/`): one that requires encryption (SMB 3 only) and one
 * with it off (Samba's defaults). Each comes with how the Node client and
 * `smbclient` are told to connect to it: on the `required` server both
 * encrypt; on the `off` server the Node client signs without encrypting
 * and `smbclient` runs with `--client-protection=off`. When Samba's
 * programs or `smbclient` are missing, `sambaForBench` answers why, so
 * the suite can print the reason and skip.
 */
import { join } from "node:path";
import type { EncryptionPolicy, SmbConnectOptions } from "../../src/clients/smb/index.js";
import { findSambaBinaries, sambaSearchPath } from "../../src/runtime/fsx/samba-binaries.js";
import { createSmbSupervisor, type SmbSupervisor } from "../../src/runtime/fsx/smb-supervisor.js";
import { findProgram } from "../../src/runtime/process/find-program.js";

/** The directory user and password of the benchmark's file systems. */
export const BENCH_USER = "BenchAdmin";
const BENCH_PASSWORD = "Bench-Passw0rd!smb";

/** How `smbclient` is run against one server. */
export interface SmbclientMode {
  readonly maxProtocol: "SMB2" | "SMB3";
  readonly protection: "encrypt" | "sign" | "off";
}

/** One running server and how each client connects to it. */
export interface BenchServer {
  /** `required` or `off`, as the table prints it. */
  readonly label: string;
  readonly fileSystemId: string;
  /** Where `smbd` listens and how the Node client signs in. */
  readonly node: SmbConnectOptions;
  readonly smbclient: SmbclientMode & {
    readonly port: number;
    readonly user: string;
    readonly password: string;
  };
  /** The local directory the share `share` serves. */
  readonly shareDirectory: string;
}

/** The running servers and how to stop them. */
export interface BenchServers {
  readonly required: BenchServer;
  readonly off: BenchServer;
  close(): Promise<void>;
}

/**
 * Why the SMB benchmark cannot run here (Samba or `smbclient` missing), or undefined.
 *
 * @example
 * const why = sambaMissingForBench(); // "`smbclient` is not installed (apt-get install smbclient)"
 */
export function sambaMissingForBench(): string | undefined {
  const dirs = sambaSearchPath(process.env.PATH);
  const samba = findSambaBinaries(dirs);
  if (!samba.ok) return samba.problem;
  if (findProgram("smbclient", dirs) === undefined)
    return "`smbclient` is not installed (apt-get install smbclient)";
  return undefined;
}

async function startOne(
  smb: SmbSupervisor,
  label: "required" | "off",
  fileSystemId: string,
  node: EncryptionPolicy,
  mode: SmbclientMode,
): Promise<BenchServer> {
  await smb.start({ fileSystemId, userName: BENCH_USER, encryption: label }, BENCH_PASSWORD);
  const address = smb.address(fileSystemId);
  if (!address.ok) throw new Error(`the \`${label}\` server did not start: ${address.problem}`);
  return {
    label,
    fileSystemId,
    node: {
      host: address.host,
      port: address.port,
      username: BENCH_USER,
      password: BENCH_PASSWORD,
      encryption: node,
    },
    smbclient: { ...mode, port: address.port, user: BENCH_USER, password: BENCH_PASSWORD },
    shareDirectory: smb.shareDirectory(fileSystemId),
  };
}

/**
 * Starts both servers under `root` (their Samba state and shares live there).
 *
 * @example
 * const servers = await startBenchServers(join(dir, "fsx"));
 * await servers.close();
 */
export async function startBenchServers(root: string): Promise<BenchServers> {
  const smb = createSmbSupervisor({ root: join(root, "fsx"), log: () => {} });
  try {
    const required = await startOne(smb, "required", "fs-0000000000000b001", "required", {
      maxProtocol: "SMB3",
      protection: "encrypt",
    });
    const off = await startOne(smb, "off", "fs-0000000000000b002", "off", {
      maxProtocol: "SMB3",
      protection: "off",
    });
    return { required, off, close: () => smb.close() };
  } catch (error) {
    await smb.close();
    throw error;
  }
}
