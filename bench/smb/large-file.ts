/**
 * Measure 2 of the SMB benchmark: one 32 MiB file of random bytes written
 * to the share and read back. The Node client's `writeFile` and
 * `readFile` are timed on an open tree (64 KiB per WRITE/READ, one request
 * at a time); `smbclient put` and `get` are timed as whole processes (the
 * session setup, a few milliseconds, included) and their own reported
 * average rate is kept too. On the server without encryption, where the
 * Node client signs, `smbclient` runs a second time with
 * `--client-protection=sign` for a like-for-like row. Every run's bytes are compared: what the
 * client read back, the file on the share directory, and what `get`
 * wrote locally must equal what was sent.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SmbClient } from "../../src/clients/smb/index.js";
import type { BenchServer } from "./servers.js";
import { timeSmbclient } from "./smbclient-run.js";

/** Milliseconds per direction, one entry per run. */
export interface TransferTimes {
  readonly writeMs: number[];
  readonly readMs: number[];
  /** `smbclient`'s own "average" rates, KiB/s (empty for the Node client). */
  readonly reportedWriteKiBs: number[];
  readonly reportedReadKiBs: number[];
}

/** Both clients on one server. */
export interface LargeFileResult {
  readonly bytes: number;
  readonly node: TransferTimes;
  readonly smbclient: TransferTimes;
  /** On a server without encryption: `smbclient` again, with `--client-protection=sign` (the Node client signs there). */
  readonly signedSmbclient?: TransferTimes;
  /** Every run's bytes compared equal (it throws otherwise). */
  readonly verified: number;
}

function same(what: string, expected: Buffer, actual: Buffer): void {
  if (!expected.equals(actual))
    throw new Error(`${what}: ${actual.length} bytes differ from the ${expected.length} sent`);
}

/** smbclient prints `(average 123456.7 kb/s)` (KiB/s) after a put or get. */
function reportedRate(output: string): number | undefined {
  const match = /average ([\d.]+) (?:kb\/s|KiloBytes\/sec)/i.exec(output);
  return match ? Number(match[1]) : undefined;
}

/** `put` then `get` of `data` with `smbclient`, `runs` times after one warm-up, bytes checked each time. */
async function smbclientTransfers(
  server: BenchServer,
  data: Buffer,
  runs: number,
  cwd: string,
): Promise<TransferTimes> {
  const tool: TransferTimes = {
    writeMs: [],
    readMs: [],
    reportedWriteKiBs: [],
    reportedReadKiBs: [],
  };
  const local = join(cwd, "large-source.bin");
  const fetched = join(cwd, "large-fetched.bin");
  writeFileSync(local, data);
  try {
    for (let run = 0; run <= runs; run++) {
      const name = `smbclient-large-${run}.bin`;
      const put = await timeSmbclient(server, `put large-source.bin ${name}`, cwd);
      same(`share directory, \`${name}\``, data, readFileSync(join(server.shareDirectory, name)));
      const get = await timeSmbclient(server, `get ${name} large-fetched.bin`, cwd);
      same(`smbclient get \`${name}\``, data, readFileSync(fetched));
      rmSync(join(server.shareDirectory, name));
      rmSync(fetched);
      if (run === 0) continue; // warm-up
      tool.writeMs.push(put.wallMs);
      tool.readMs.push(get.wallMs);
      const w = reportedRate(put.output);
      const r = reportedRate(get.output);
      if (w !== undefined) tool.reportedWriteKiBs.push(w);
      if (r !== undefined) tool.reportedReadKiBs.push(r);
    }
  } finally {
    rmSync(local, { force: true });
  }
  return tool;
}

/**
 * Measures writing then reading one file of `bytes` random bytes on `server`, `runs` times after one warm-up.
 *
 * @example
 * const r = await measureLargeFile(servers.required, 32 * 1024 * 1024, 3, tmp);
 */
export async function measureLargeFile(
  server: BenchServer,
  bytes: number,
  runs: number,
  cwd: string,
): Promise<LargeFileResult> {
  const data = randomBytes(bytes);
  const node: TransferTimes = {
    writeMs: [],
    readMs: [],
    reportedWriteKiBs: [],
    reportedReadKiBs: [],
  };
  let verified = 0;
  const client = await SmbClient.connect(server.node);
  try {
    const share = await client.share("share");
    for (let run = 0; run <= runs; run++) {
      const name = `node-large-${run}.bin`;
      let started = performance.now();
      await share.writeFile(name, data);
      const writeMs = performance.now() - started;
      started = performance.now();
      const back = await share.readFile(name);
      const readMs = performance.now() - started;
      same(`node client, read back \`${name}\``, data, back);
      same(`share directory, \`${name}\``, data, readFileSync(join(server.shareDirectory, name)));
      await share.unlink(name);
      if (run === 0) continue; // warm-up
      node.writeMs.push(writeMs);
      node.readMs.push(readMs);
      verified += 1;
    }
  } finally {
    client.close();
  }

  const tool = await smbclientTransfers(server, data, runs, cwd);
  verified += runs;
  let signed: TransferTimes | undefined;
  if (server.smbclient.protection === "off") {
    const signing = { ...server, smbclient: { ...server.smbclient, protection: "sign" as const } };
    signed = await smbclientTransfers(signing, data, runs, cwd);
    verified += runs;
  }
  return { bytes, node, smbclient: tool, ...(signed ? { signedSmbclient: signed } : {}), verified };
}
