/**
 * The SMB benchmark's markdown tables, one per measure, each with a row
 * per client and server (`required`: encryption enforced; `off`: Samba's
 * defaults), plus the machine note. Latencies are medians and
 * nearest-rank p99s of the runs; rates are computed from median times.
 */
import { arch, cpus, platform, release } from "node:os";
import { medianOf, ms, percentileOf, rate } from "../invoke/stats.js";
import type { ConnectLsResult } from "./connect-ls.js";
import type { LargeFileResult } from "./large-file.js";
import type { SmallFilesResult } from "./small-files.js";

/** A measured server and how each client ran against it. */
export interface ServerRows<T> {
  /** e.g. `required`. */
  readonly server: string;
  /** e.g. `3.1.1, AES-128-GCM`. */
  readonly node: string;
  /** e.g. `-m SMB3 --client-protection=encrypt`. */
  readonly smbclient: string;
  readonly value: T;
}

/**
 * The connect + ls + close table.
 *
 * @example
 * console.log(connectLsTable([{ server: "off", node: "3.1.1, signed", smbclient: "…", value }], 100));
 */
export function connectLsTable(rows: readonly ServerRows<ConnectLsResult>[], per: number): string {
  const lines = [
    "| connect + sign in + tree connect + ls + close | server | client settings | runs | p50 ms | p99 ms | per ls ms (p50) |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: |",
  ];
  for (const { server, node, smbclient, value: v } of rows) {
    lines.push(
      `| Node client, in process | ${server} | ${node} | ${v.nodeSession.length} | ${ms(medianOf(v.nodeSession))} | ${ms(percentileOf(v.nodeSession, 99))} | ${ms(medianOf(v.nodeListing))} (readdir on an open tree, p99 ${ms(percentileOf(v.nodeListing, 99))}) |`,
      `| \`smbclient -c ls\`, one process per run | ${server} | ${smbclient} | ${v.smbclientProcess.length} | ${ms(medianOf(v.smbclientProcess))} | ${ms(percentileOf(v.smbclientProcess, 99))} | – |`,
      `| \`smbclient -c "ls; ls; …"\`, ${per} ls in one process | ${server} | ${smbclient} | ${v.smbclientBatch.length} | ${ms(medianOf(v.smbclientBatch))} | ${ms(percentileOf(v.smbclientBatch, 99))} | ${ms(medianOf(v.smbclientBatch) / per)} (process time / ${per}) |`,
    );
  }
  return lines.join("\n");
}

const MIB = 1024 * 1024;
const mibPerSecond = (bytes: number, times: readonly number[]) =>
  (bytes / MIB / (medianOf(times) / 1000)).toFixed(0);
const reported = (kibs: readonly number[]) =>
  kibs.length === 0 ? "–" : (medianOf(kibs) / 1024).toFixed(0);

/**
 * The large-file table.
 *
 * @example
 * console.log(largeFileTable([{ server: "required", node: "…", smbclient: "…", value }]));
 */
export function largeFileTable(rows: readonly ServerRows<LargeFileResult>[]): string {
  const first = rows[0]?.value;
  const size = first ? `${first.bytes / MIB} MiB` : "one";
  const lines = [
    `| write then read back ${size} (random bytes) | server | client settings | runs | write MiB/s | read MiB/s | smbclient's own rate, write / read MiB/s | bytes compared |`,
    "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const { server, node, smbclient, value: v } of rows) {
    lines.push(
      `| Node client, \`writeFile\` / \`readFile\` on an open tree | ${server} | ${node} | ${v.node.writeMs.length} | ${mibPerSecond(v.bytes, v.node.writeMs)} | ${mibPerSecond(v.bytes, v.node.readMs)} | – | ${v.verified} runs equal |`,
      `| \`smbclient -c put\` / \`-c get\`, one process each (session setup included) | ${server} | ${smbclient} | ${v.smbclient.writeMs.length} | ${mibPerSecond(v.bytes, v.smbclient.writeMs)} | ${mibPerSecond(v.bytes, v.smbclient.readMs)} | ${reported(v.smbclient.reportedWriteKiBs)} / ${reported(v.smbclient.reportedReadKiBs)} | ${v.verified} runs equal |`,
    );
    const signed = v.signedSmbclient;
    if (signed)
      lines.push(
        `| \`smbclient -c put\` / \`-c get\`, signing | ${server} | ${smbclient.replace(/--client-protection=\S+/, "--client-protection=sign")} | ${signed.writeMs.length} | ${mibPerSecond(v.bytes, signed.writeMs)} | ${mibPerSecond(v.bytes, signed.readMs)} | ${reported(signed.reportedWriteKiBs)} / ${reported(signed.reportedReadKiBs)} | ${v.verified} runs equal |`,
      );
  }
  return lines.join("\n");
}

/**
 * The small-files table.
 *
 * @example
 * console.log(smallFilesTable([{ server: "off", node: "…", smbclient: "…", value }]));
 */
export function smallFilesTable(rows: readonly ServerRows<SmallFilesResult>[]): string {
  const first = rows[0]?.value;
  const what = first ? `${first.count} files of ${first.size / 1024} KiB` : "small files";
  const lines = [
    `| ${what} in one session (connect to close) | server | client settings | runs | ms (median) | files/s |`,
    "| --- | --- | --- | ---: | ---: | ---: |",
  ];
  for (const { server, node, smbclient, value: v } of rows) {
    lines.push(
      `| Node client, \`writeFile\` one after another | ${server} | ${node} | ${v.nodeMs.length} | ${ms(medianOf(v.nodeMs))} | ${rate((v.count / medianOf(v.nodeMs)) * 1000)} |`,
      `| \`smbclient -c "mkdir d; cd d; put f f1; put f f2; …"\`, one process | ${server} | ${smbclient} | ${v.smbclientMs.length} | ${ms(medianOf(v.smbclientMs))} | ${rate((v.count / medianOf(v.smbclientMs)) * 1000)} |`,
    );
  }
  return lines.join("\n");
}

/**
 * The machine note printed under the tables.
 *
 * @example
 * console.log(smbMachineNote("Version 4.17.12-Debian"));
 */
export function smbMachineNote(sambaVersion: string): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown cpu";
  return `machine: ${platform()} ${release()} ${arch()}, ${cpu} (${cpus().length} cpus), node ${process.version}; Samba ${sambaVersion} (smbd supervised by accesslab, and smbclient), both on 127.0.0.1`;
}
