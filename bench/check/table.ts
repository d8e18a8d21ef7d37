/**
 * The check benchmark's markdown table: one row per tool and input, with
 * the median wall time and CPU time over the runs, the largest peak memory
 * seen, and what the tool said about the input (so a reader sees that the
 * work was real: findings and resources for accesslab, valid / invalid /
 * unparseable counts for cfn-lint).
 */

/** One measured row. */
export interface Row {
  readonly tool: string;
  readonly input: string;
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
  readonly maxRssKb: readonly number[];
  readonly result: string;
}

/**
 * The median of `values` (the lower middle one for an even count).
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mebibytes = (kb: number) => (kb / 1024).toFixed(0);

/**
 * Renders rows as a markdown table.
 *
 * @example
 * console.log(renderTable([{ tool: "accesslab check", input: "large.yaml", wallMs: [4100], cpuMs: [3900], maxRssKb: [250000], result: "50 findings" }]));
 */
export function renderTable(rows: readonly Row[]): string {
  const lines = [
    "| tool | input | runs | wall s (median) | CPU s (median) | peak RSS MiB | result |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.tool} | ${r.input} | ${r.wallMs.length} | ${seconds(median(r.wallMs))} | ${seconds(median(r.cpuMs))} | ${mebibytes(Math.max(...r.maxRssKb))} | ${r.result} |`,
    );
  }
  return lines.join("\n");
}
