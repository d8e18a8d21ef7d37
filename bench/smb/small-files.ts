/**
 * Measure 3 of the SMB benchmark: many small files written in one session.
 * The Node client connects, signs in, opens the share, makes a directory
 * and writes `count` files of `size` bytes one after another, then closes;
 * `smbclient` does the same in one process from one `-c` command string
 * (`mkdir d; cd d; put f f1; put f f2; …`). Both are timed from the start
 * of the session to its end (for `smbclient`, from spawn to exit), and
 * every run is checked on the share directory: `count` files, each of
 * `size` bytes.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SmbClient } from "../../src/clients/smb/index.js";
import type { BenchServer } from "./servers.js";
import { timeSmbclient } from "./smbclient-run.js";

/** Milliseconds per session, one entry per run, for each client. */
export interface SmallFilesResult {
  readonly count: number;
  readonly size: number;
  readonly nodeMs: number[];
  readonly smbclientMs: number[];
}

function checkWritten(server: BenchServer, dir: string, count: number, size: number): void {
  const path = join(server.shareDirectory, dir);
  const names = readdirSync(path);
  const complete = names.filter((n) => statSync(join(path, n)).size === size).length;
  if (names.length !== count || complete !== count)
    throw new Error(
      `\`${dir}\` on the \`${server.label}\` server holds ${names.length} files (${complete} of ${size} bytes), not ${count}`,
    );
  rmSync(path, { recursive: true, force: true });
}

async function nodeRun(server: BenchServer, dir: string, count: number, data: Buffer) {
  const started = performance.now();
  const client = await SmbClient.connect(server.node);
  try {
    const share = await client.share("share");
    await share.mkdir(dir);
    for (let i = 1; i <= count; i++) await share.writeFile(`${dir}/f${i}`, data);
  } finally {
    client.close();
  }
  return performance.now() - started;
}

/**
 * Measures writing `count` files of `size` bytes in one session, `runs` times after one warm-up, on `server`.
 *
 * @example
 * const r = await measureSmallFiles(servers.off, 500, 1024, 3, tmp);
 */
export async function measureSmallFiles(
  server: BenchServer,
  count: number,
  size: number,
  runs: number,
  cwd: string,
): Promise<SmallFilesResult> {
  const data = randomBytes(size);
  const nodeMs: number[] = [];
  const smbclientMs: number[] = [];
  writeFileSync(join(cwd, "small"), data);
  for (let run = 0; run <= runs; run++) {
    const dir = `node-small-${run}`;
    const ms = await nodeRun(server, dir, count, data);
    checkWritten(server, dir, count, size);
    if (run > 0) nodeMs.push(ms);
  }
  for (let run = 0; run <= runs; run++) {
    const dir = `smbclient-small-${run}`;
    const puts = Array.from({ length: count }, (_, i) => `put small f${i + 1}`).join("; ");
    const { wallMs } = await timeSmbclient(server, `mkdir ${dir}; cd ${dir}; ${puts}`, cwd);
    checkWritten(server, dir, count, size);
    if (run > 0) smbclientMs.push(wallMs);
  }
  return { count, size, nodeMs, smbclientMs };
}
