/**
 * Measuring `accesslab check --format json` from the built `dist/` on one
 * input (a file or a directory), `runs` times, and reading its JSON report
 * for the row's result: files and resources checked and findings by
 * severity. An exit code other than 0 or 1 (findings) means the check did
 * not do its work, and the benchmark stops with the child's message.
 */
import { measureNode } from "./measured-process.js";
import type { Row } from "./table.js";

interface ReportSummary {
  readonly filesChecked: number;
  readonly resourcesChecked: number;
  readonly findings: number;
  readonly bySeverity: { readonly error: number; readonly warning: number; readonly info: number };
  readonly templateErrors: number;
}

/**
 * Runs the check `runs` times on `input` and returns its row.
 *
 * @example
 * const row = await measureAccesslabCheck("/tmp/x/large.yaml", "large.yaml", 3, process.cwd());
 */
export async function measureAccesslabCheck(
  input: string,
  label: string,
  runs: number,
  cwd: string,
): Promise<Row> {
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  const maxRssKb: number[] = [];
  let summary: ReportSummary | undefined;
  for (let i = 0; i < runs; i++) {
    const m = await measureNode(["dist/cli/main.js", "check", input, "--format", "json"], cwd);
    if (m.exitCode !== 0 && m.exitCode !== 1)
      throw new Error(`accesslab check \`${input}\` exited with ${m.exitCode}: ${m.stderr.trim()}`);
    wallMs.push(m.wallMs);
    cpuMs.push(m.cpuMs);
    maxRssKb.push(m.maxRssKb);
    summary = (JSON.parse(m.stdout) as { summary: ReportSummary }).summary;
  }
  return {
    tool: "accesslab check",
    input: label,
    wallMs,
    cpuMs,
    maxRssKb,
    result: describe(summary),
  };
}

function describe(s: ReportSummary | undefined): string {
  if (!s) return "no run";
  const parts = [
    `${s.filesChecked} ${s.filesChecked === 1 ? "file" : "files"}, ${s.resourcesChecked.toLocaleString("en-US")} resources`,
    `${s.findings} findings (${s.bySeverity.error} error, ${s.bySeverity.warning} warning, ${s.bySeverity.info} info)`,
  ];
  if (s.templateErrors > 0) parts.push(`${s.templateErrors} unreadable`);
  return parts.join("; ");
}
