/**
 * The benchmark entry point: `npm run bench -- <name>` runs one suite
 * (`policy`, `fs`, `serve`, `check`, `invoke`, `smb`), `npm run bench` with no name runs them all. Suites print a
 * markdown table; nothing here gates CI and tests never assert timings.
 */
import { runCheckBench } from "./check.js";
import { runFsBench } from "./fs.js";
import { runInvokeBench } from "./invoke.js";
import { runPolicyBench } from "./policy.js";
import { runServeBench } from "./serve.js";
import { runSmbBench } from "./smb.js";

const SUITES: Record<string, () => Promise<void>> = {
  policy: runPolicyBench,
  fs: runFsBench,
  serve: runServeBench,
  check: runCheckBench,
  invoke: runInvokeBench,
  smb: runSmbBench,
};

/**
 * Runs the suite named by `args[0]`, or every suite when none is named.
 *
 * @example
 * await main(["policy"]);
 */
export async function main(args: readonly string[]): Promise<number> {
  const name = args[0];
  if (name !== undefined && !(name in SUITES)) {
    console.error(`unknown bench \`${name}\`: expected one of ${Object.keys(SUITES).join(", ")}`);
    return 2;
  }
  for (const [suite, run] of Object.entries(SUITES)) {
    if (name === undefined || name === suite) await run();
  }
  return typeof process.exitCode === "number" ? process.exitCode : 0;
}

process.exitCode = await main(process.argv.slice(2));
