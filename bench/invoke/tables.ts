/**
 * The invoke benchmark's markdown tables, one per measure: cold latency,
 * warm latency, invocations per second with concurrent clients, and the
 * file loop through the mount against native `fs`, plus the machine note
 * the other suites print.
 */
import { arch, cpus, platform, release } from "node:os";
import { type LoadResult, percentile } from "../serve/load-generator.js";
import type { ColdResult } from "./cold.js";
import type { LoopResult } from "./file-loop.js";
import { medianOf, ms, percentileOf, rate } from "./stats.js";
import type { WarmResult } from "./warm.js";

/** A measured function and its label. */
export interface Labelled<T> {
  readonly label: string;
  readonly value: T;
}

/**
 * The cold-invoke table.
 *
 * @example
 * console.log(coldTable([{ label: "no-op", value: cold }]));
 */
export function coldTable(rows: readonly Labelled<ColdResult>[]): string {
  const lines = [
    "| cold invoke (new instance after UpdateFunctionConfiguration) | runs | median ms | min ms | max ms | Init Duration median ms | runs reporting init |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const { label, value } of rows) {
    const l = value.latencies;
    lines.push(
      `| ${label} | ${l.length} | ${ms(medianOf(l))} | ${ms(Math.min(...l))} | ${ms(Math.max(...l))} | ${ms(medianOf(value.initMs))} | ${value.initMs.length}/${l.length} |`,
    );
  }
  return lines.join("\n");
}

/**
 * The warm-invoke table.
 *
 * @example
 * console.log(warmTable([{ label: "no-op", value: warm }]));
 */
export function warmTable(rows: readonly Labelled<WarmResult>[]): string {
  const lines = [
    "| warm invoke (sequential, one SDK client) | invokes | p50 ms | p99 ms | mean ms | not warm |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const { label, value } of rows) {
    const l = value.latencies;
    const mean = l.reduce((a, b) => a + b, 0) / l.length;
    lines.push(
      `| ${label} | ${l.length} | ${ms(percentileOf(l, 50))} | ${ms(percentileOf(l, 99))} | ${ms(mean)} | ${value.cold} |`,
    );
  }
  return lines.join("\n");
}

/**
 * The throughput table.
 *
 * @example
 * console.log(throughputTable(4, 5000, [{ label: "no-op", value: load }]));
 */
export function throughputTable(
  connections: number,
  durationMs: number,
  rows: readonly Labelled<LoadResult>[],
): string {
  const lines = [
    `| invocations/s (${connections} concurrent clients, ${durationMs / 1000} s, raw signed requests) | invocations/s | p50 ms | p99 ms | non-2xx | errors |`,
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const { label, value } of rows) {
    lines.push(
      `| ${label} | ${rate(value.requests / (value.elapsedMs / 1000))} | ${ms(percentile(value.latencies, 50))} | ${ms(percentile(value.latencies, 99))} | ${value.non2xx} | ${value.errors} |`,
    );
  }
  return lines.join("\n");
}

/**
 * The file-loop table: the mount against native `fs` in `/tmp`.
 *
 * @example
 * console.log(loopTable(loop, 1024));
 */
export function loopTable(loop: LoopResult, fileBytes: number): string {
  const pairsPerSecond = (elapsed: number) => (loop.n / elapsed) * 1000;
  const mount = pairsPerSecond(loop.mountMs);
  const native = pairsPerSecond(loop.tmpMs);
  const mountStat = pairsPerSecond(loop.mountStatMs);
  const nativeStat = pairsPerSecond(loop.tmpStatMs);
  return [
    `| ${loop.n.toLocaleString("en-US")} × (write new ${fileBytes}-byte file + read it back), inside one invocation | ms (median) | pairs/s | ops/s (write or read) | native / this |`,
    "| --- | ---: | ---: | ---: | ---: |",
    `| through the EFS mount (bridge to the data plane) | ${ms(loop.mountMs)} | ${rate(mount)} | ${rate(mount * 2)} | ${(native / mount).toFixed(1)}× |`,
    `| native \`fs\` in the instance's /tmp | ${ms(loop.tmpMs)} | ${rate(native)} | ${rate(native * 2)} | 1.0× |`,
    "",
    `| ${loop.n.toLocaleString("en-US")} × statSync of a directory (transport floor), inside one invocation | ms (median) | stats/s | µs per call | native / this |`,
    "| --- | ---: | ---: | ---: | ---: |",
    `| the mount's root, through the bridge | ${ms(loop.mountStatMs)} | ${rate(mountStat)} | ${((loop.mountStatMs / loop.n) * 1000).toFixed(1)} | ${(nativeStat / mountStat).toFixed(1)}× |`,
    `| /tmp, native | ${ms(loop.tmpStatMs)} | ${rate(nativeStat)} | ${((loop.tmpStatMs / loop.n) * 1000).toFixed(1)} | 1.0× |`,
  ].join("\n");
}

/**
 * The machine note printed under the tables.
 *
 * @example
 * console.log(machineNote());
 */
export function machineNote(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown cpu";
  return `machine: ${platform()} ${release()} ${arch()}, ${cpu} (${cpus().length} cpus), node ${process.version}; accesslab serve --in-memory from dist/, each function instance a forked process`;
}
