/**
 * Measuring cfn-lint (the npm package, a JavaScript CloudFormation
 * validator) on the same inputs, two ways: its command line,
 * `cfn-lint validate FILE`, which takes one file per process, so a
 * directory is a loop of processes measured as one (wall and CPU time
 * summed, peak memory the largest); and its library API (`validateFile`)
 * over every file in one process, the cheapest way to run it on many
 * files. The row's result counts its verdicts: valid, invalid, and
 * unparseable (its resource specification predates some types and
 * properties, e.g. `AWS::EFS::AccessPoint` and a file system's
 * `FileSystemPolicy`: it stops at the first unknown type, and reports an
 * unknown property as invalid).
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { measureNode, measureSequence } from "./measured-process.js";
import type { Row } from "./table.js";

const require = createRequire(import.meta.url);
const CLI = require.resolve("cfn-lint/lib/index.js");
const API = require.resolve("cfn-lint/lib/api.js");

type Verdict = "valid" | "invalid" | "unparseable";

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes in cfn-lint's output
const ANSI = /\u001b\[[0-9;]*m/g;

function cliVerdict(stdout: string): Verdict {
  const text = stdout.replace(ANSI, "");
  if (text.includes("Template valid!")) return "valid";
  if (text.includes("Template invalid!")) return "invalid";
  return "unparseable";
}

function describe(counts: Record<Verdict, number>): string {
  return `${counts.valid} valid, ${counts.invalid} invalid, ${counts.unparseable} unparseable`;
}

/**
 * Runs `cfn-lint validate` once per file, the whole set `runs` times.
 *
 * @example
 * const row = await measureCfnLintCli(files, "500 small templates", 1, process.cwd());
 */
export async function measureCfnLintCli(
  files: readonly string[],
  label: string,
  runs: number,
  cwd: string,
): Promise<Row> {
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  const maxRssKb: number[] = [];
  let counts: Record<Verdict, number> = { valid: 0, invalid: 0, unparseable: 0 };
  for (let i = 0; i < runs; i++) {
    counts = { valid: 0, invalid: 0, unparseable: 0 };
    const m = await measureSequence(
      files.map((file) => [CLI, "validate", file]),
      cwd,
      (each) => {
        counts[cliVerdict(each.stdout)]++;
      },
    );
    wallMs.push(m.wallMs);
    cpuMs.push(m.cpuMs);
    maxRssKb.push(m.maxRssKb);
  }
  const tool = files.length === 1 ? "cfn-lint validate" : "cfn-lint validate, one process per file";
  return { tool, input: label, wallMs, cpuMs, maxRssKb, result: describe(counts) };
}

const API_LOOP = `
const { readFileSync } = require("node:fs");
const api = require(process.argv[1]);
const counts = { valid: 0, invalid: 0, unparseable: 0 };
for (const file of JSON.parse(readFileSync(process.argv[2], "utf8"))) {
  try {
    counts[api.validateFile(file).templateValid ? "valid" : "invalid"]++;
  } catch {
    counts.unparseable++;
  }
}
process.stdout.write(JSON.stringify(counts));
`;

/**
 * Runs cfn-lint's `validateFile` over every file in one process, `runs` times.
 *
 * @example
 * const row = await measureCfnLintApi(files, "500 small templates", 3, process.cwd(), tmp);
 */
export async function measureCfnLintApi(
  files: readonly string[],
  label: string,
  runs: number,
  cwd: string,
  scratchDir: string,
): Promise<Row> {
  const list = join(scratchDir, "cfn-lint-files.json");
  writeFileSync(list, JSON.stringify(files));
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  const maxRssKb: number[] = [];
  let result = "no run";
  for (let i = 0; i < runs; i++) {
    const m = await measureNode(["-e", API_LOOP, API, list], cwd);
    if (m.exitCode !== 0)
      throw new Error(`cfn-lint API loop exited with ${m.exitCode}: ${m.stderr}`);
    wallMs.push(m.wallMs);
    cpuMs.push(m.cpuMs);
    maxRssKb.push(m.maxRssKb);
    result = describe(JSON.parse(m.stdout) as Record<Verdict, number>);
  }
  return {
    tool: "cfn-lint validateFile (API), one process",
    input: label,
    wallMs,
    cpuMs,
    maxRssKb,
    result,
  };
}
