/**
 * Measure 1 of the SMB benchmark: a whole short session, connect + sign in
 * + tree connect + one directory listing + close, timed per run for the
 * Node client (in this process) and for `smbclient -c ls` (one process per
 * run, so its time includes starting the program). For the per-listing
 * cost without the session around it: the Node client's `readdir` on an
 * open tree, one at a time, and one `smbclient` process running 100 `ls`
 * (its time divided by 100, the session setup spread over them).
 */
import { SmbClient } from "../../src/clients/smb/index.js";
import type { BenchServer } from "./servers.js";
import { repeated, timeSmbclient } from "./smbclient-run.js";

/** Runs per measure, and how many listings one `smbclient` process makes. */
export interface ConnectLsPlan {
  readonly warmUp: number;
  readonly nodeSessions: number;
  readonly nodeListings: number;
  readonly smbclientProcesses: number;
  readonly listingsPerProcess: number;
  readonly batchRuns: number;
}

/** The milliseconds measured on one server. */
export interface ConnectLsResult {
  /** One Node session each (connect … close). */
  readonly nodeSession: number[];
  /** One `readdir` each, on an open tree. */
  readonly nodeListing: number[];
  /** One `smbclient -c ls` process each. */
  readonly smbclientProcess: number[];
  /** One `smbclient` process of `listingsPerProcess` listings each. */
  readonly smbclientBatch: number[];
  /** Entries the listings saw (the same for both clients, checked). */
  readonly entries: number;
}

async function nodeSession(server: BenchServer): Promise<number> {
  const client = await SmbClient.connect(server.node);
  try {
    const share = await client.share("share");
    return (await share.readdir("")).length;
  } finally {
    client.close();
  }
}

async function timed<T>(run: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * Measures connect + ls + close on `server`, both clients.
 *
 * @example
 * const r = await measureConnectLs(servers.off, plan, tmp);
 */
export async function measureConnectLs(
  server: BenchServer,
  plan: ConnectLsPlan,
  cwd: string,
): Promise<ConnectLsResult> {
  const entries = await nodeSession(server);
  const listed = await timeSmbclient(server, "ls", cwd);
  if (!listed.output.includes("blocks of size"))
    throw new Error(`smbclient's \`ls\` printed no listing: ${listed.output.slice(0, 200)}`);
  for (let i = 0; i < plan.warmUp; i++) await nodeSession(server);
  const nodeSessionMs: number[] = [];
  for (let i = 0; i < plan.nodeSessions; i++)
    nodeSessionMs.push(await timed(() => nodeSession(server)));

  const client = await SmbClient.connect(server.node);
  const nodeListingMs: number[] = [];
  try {
    const share = await client.share("share");
    for (let i = 0; i < plan.warmUp; i++) await share.readdir("");
    for (let i = 0; i < plan.nodeListings; i++)
      nodeListingMs.push(await timed(() => share.readdir("")));
  } finally {
    client.close();
  }

  for (let i = 0; i < plan.warmUp; i++) await timeSmbclient(server, "ls", cwd);
  const smbclientProcess: number[] = [];
  for (let i = 0; i < plan.smbclientProcesses; i++)
    smbclientProcess.push((await timeSmbclient(server, "ls", cwd)).wallMs);
  const batch = repeated("ls", plan.listingsPerProcess);
  const smbclientBatch: number[] = [];
  for (let i = 0; i < plan.batchRuns; i++) {
    const run = await timeSmbclient(server, batch, cwd);
    const listings = run.output.split("blocks of size").length - 1;
    if (listings !== plan.listingsPerProcess)
      throw new Error(`smbclient listed ${listings} times, not ${plan.listingsPerProcess}`);
    smbclientBatch.push(run.wallMs);
  }
  return {
    nodeSession: nodeSessionMs,
    nodeListing: nodeListingMs,
    smbclientProcess,
    smbclientBatch,
    entries,
  };
}
