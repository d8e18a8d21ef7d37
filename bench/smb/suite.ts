/**
 * The SMB benchmark's body, run in a process of its own (see `child.ts`):
 * two Samba servers started the way accesslab starts them, the three
 * measures on each (connect … ls … close; 32 MiB written and read back;
 * 500 files of 1 KiB in one session), and the tables. Skipped, with the
 * reason printed, where Samba or `smbclient` is not installed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SmbClient } from "../../src/clients/smb/index.js";
import { type ConnectLsResult, measureConnectLs } from "./connect-ls.js";
import { type LargeFileResult, measureLargeFile } from "./large-file.js";
import { type BenchServer, sambaMissingForBench, startBenchServers } from "./servers.js";
import { measureSmallFiles, type SmallFilesResult } from "./small-files.js";
import {
  connectLsTable,
  largeFileTable,
  type ServerRows,
  smallFilesTable,
  smbMachineNote,
} from "./tables.js";

const CONNECT_LS = {
  warmUp: 10,
  nodeSessions: 200,
  nodeListings: 500,
  smbclientProcesses: 50,
  listingsPerProcess: 100,
  batchRuns: 5,
};
const LARGE_BYTES = 32 * 1024 * 1024;
const LARGE_RUNS = 5;
const SMALL_COUNT = 500;
const SMALL_SIZE = 1024;
const SMALL_RUNS = 3;

function sambaVersion(): string {
  try {
    return execFileSync("smbclient", ["--version"], { encoding: "utf8" })
      .trim()
      .replace(/^Version /, "");
  } catch {
    return "(version unknown)";
  }
}

/** What the Node client negotiated with `server`, as the tables print it. */
async function nodeSettings(server: BenchServer): Promise<string> {
  const client = await SmbClient.connect(server.node);
  const settings = `${client.dialect}, ${client.encrypted ? "AES-128-GCM" : "signed, not encrypted"}`;
  client.close();
  return settings;
}

/**
 * Runs the SMB benchmark in this process and prints its tables (or why it was skipped).
 *
 * @example
 * await runSmbSuite();
 */
export async function runSmbSuite(): Promise<void> {
  const missing = sambaMissingForBench();
  if (missing) {
    console.log(`smb bench skipped: ${missing}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "accesslab-bench-smb-"));
  const servers = await startBenchServers(dir).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  try {
    const step = (what: string) => process.stderr.write(`running ${what} …\n`);
    const connectLs: ServerRows<ConnectLsResult>[] = [];
    const large: ServerRows<LargeFileResult>[] = [];
    const small: ServerRows<SmallFilesResult>[] = [];
    for (const server of [servers.required, servers.off]) {
      const node = await nodeSettings(server);
      const smbclient = `-m ${server.smbclient.maxProtocol} --client-protection=${server.smbclient.protection}`;
      const row = { server: server.label, node, smbclient };
      step(`connect + ls + close on the \`${server.label}\` server`);
      connectLs.push({ ...row, value: await measureConnectLs(server, CONNECT_LS, dir) });
      step(`${LARGE_BYTES / 1024 / 1024} MiB write + read on the \`${server.label}\` server`);
      large.push({ ...row, value: await measureLargeFile(server, LARGE_BYTES, LARGE_RUNS, dir) });
      step(`${SMALL_COUNT} small files on the \`${server.label}\` server`);
      small.push({
        ...row,
        value: await measureSmallFiles(server, SMALL_COUNT, SMALL_SIZE, SMALL_RUNS, dir),
      });
    }
    console.log(`\n${connectLsTable(connectLs, CONNECT_LS.listingsPerProcess)}\n`);
    console.log(`${largeFileTable(large)}\n`);
    console.log(`${smallFilesTable(small)}\n`);
    console.log(
      `${smbMachineNote(sambaVersion())}; the Node client keeps up to 4 READs or WRITEs of 1 MiB in flight (64 KiB without large MTU); smbclient's times are whole processes (program start and session setup included).`,
    );
  } finally {
    await servers.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
