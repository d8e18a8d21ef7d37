/**
 * Replays the policy corpus (test/corpus/policy/*.json, scenarios written
 * from the AWS documentation, each with its expected decision) through the
 * library and through the `accesslab simulate` command line.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../src/engines/policy/run-scenario.js";
import { parseScenarios, type Scenario } from "../src/engines/policy/scenario.js";

const dir = join(import.meta.dirname, "corpus", "policy");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();

function load(file: string): Scenario[] {
  const { scenarios, error } = parseScenarios(readFileSync(join(dir, file), "utf8"), file);
  if (error)
    throw new Error(`${file}:${error.position?.line}:${error.position?.column}: ${error.message}`);
  return scenarios;
}

const all = files.flatMap((file) => load(file).map((scenario) => ({ file, scenario })));

describe("policy corpus", () => {
  it("holds at least 300 scenarios, each with an expected decision", () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(all.every(({ scenario }) => scenario.expected !== undefined)).toBe(true);
  });

  describe.each(files)("%s through the library", (file) => {
    it.each(load(file).map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
      const result = runScenario(scenario);
      expect(result.decision.decision, result.decision.reasons.join("; ")).toBe(scenario.expected);
    });
  });

  it("gives the same decisions through `accesslab simulate --format json`", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "simulate", "--format", "json", dir],
      {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    expect(run.stderr).toBe("");
    const results = JSON.parse(run.stdout) as { name: string; decision: string; pass: boolean }[];
    expect(results.length).toBe(all.length);
    const failures = results.filter((r) => !r.pass).map((r) => r.name);
    expect(failures).toEqual([]);
    expect(run.status).toBe(0);
  });
});
