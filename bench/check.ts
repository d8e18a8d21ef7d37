/**
 * `npm run bench -- check`: how long `accesslab check` takes, and how much
 * memory it needs, on a generated template with 1,000 Lambda functions
 * (their execution roles, one per function), 200 access points and 50 EFS
 * file systems (2,355 resources), and on a directory of 500 small
 * templates, with cfn-lint from the npm registry run on the same inputs in
 * the same run for scale. Each tool runs as its own process from the
 * command line a user would type (accesslab from the built `dist/`), timed
 * from spawn to exit, its peak RSS read from the child itself. Target from
 * issue 5: under 5 s for the 1,000-function template. Nothing is asserted.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDist } from "./build-dist.js";
import { measureAccesslabCheck } from "./check/accesslab-run.js";
import { measureCfnLintApi, measureCfnLintCli } from "./check/cfn-lint-run.js";
import { writeInputs } from "./check/inputs.js";
import { ISSUE_SIZE } from "./check/large-template.js";
import { median, type Row, renderTable } from "./check/table.js";

const SMALL_TEMPLATES = 500;
const LARGE_RUNS = 3;
const DIRECTORY_RUNS = 3;
/** cfn-lint's command line over 500 files is 500 processes: once is enough to see the scale. */
const CFN_LINT_DIRECTORY_RUNS = 1;
const TARGET_MS = 5_000;

/**
 * Runs the check benchmark and prints its table.
 *
 * @example
 * await runCheckBench();
 */
export async function runCheckBench(): Promise<void> {
  if (!buildDist()) return;
  const cwd = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), "accesslab-bench-check-"));
  try {
    const inputs = writeInputs(dir, ISSUE_SIZE, SMALL_TEMPLATES);
    const accessPoints = ISSUE_SIZE.fileSystems * ISSUE_SIZE.accessPointsPerFileSystem;
    console.log(
      `\ninputs: large.yaml, ${ISSUE_SIZE.functions.toLocaleString("en-US")} functions and their roles, ${accessPoints} access points, ${ISSUE_SIZE.fileSystems} file systems: ${inputs.largeResources.toLocaleString("en-US")} resources, ${(inputs.largeBytes / 1024 / 1024).toFixed(1)} MiB; small/, ${inputs.smallFiles.length} templates, ${inputs.smallResources.toLocaleString("en-US")} resources\n`,
    );
    const large = `large.yaml (${inputs.largeResources.toLocaleString("en-US")} resources)`;
    const small = `small/ (${inputs.smallFiles.length} templates)`;
    const rows: Row[] = [];
    const step = async (what: string, run: () => Promise<Row>) => {
      process.stderr.write(`running ${what} …\n`);
      rows.push(await run());
    };
    await step("accesslab check large.yaml", () =>
      measureAccesslabCheck(inputs.largeFile, large, LARGE_RUNS, cwd),
    );
    await step("cfn-lint validate large.yaml", () =>
      measureCfnLintCli([inputs.largeFile], large, LARGE_RUNS, cwd),
    );
    await step("accesslab check small/", () =>
      measureAccesslabCheck(inputs.smallDir, small, DIRECTORY_RUNS, cwd),
    );
    await step("cfn-lint validateFile over small/", () =>
      measureCfnLintApi(inputs.smallFiles, small, DIRECTORY_RUNS, cwd, dir),
    );
    await step("cfn-lint validate over small/, one process per file", () =>
      measureCfnLintCli(inputs.smallFiles, small, CFN_LINT_DIRECTORY_RUNS, cwd),
    );
    console.log(renderTable(rows));
    const largeMs = median(rows[0]?.wallMs ?? []);
    console.log(
      `\ntarget: accesslab check of the 1,000-function template under ${TARGET_MS / 1000} s (wall, median): ${(largeMs / 1000).toFixed(2)} s, ${largeMs < TARGET_MS ? "met" : "not met"}`,
    );
    console.log(
      "cfn-lint 1.x's resource specification predates AWS::EFS::AccessPoint and FileSystemPolicy: it stops at the first access point (unparseable) and calls a file system policy an invalid property, so on these inputs its time is reading plus an early stop, not a full validation.",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
