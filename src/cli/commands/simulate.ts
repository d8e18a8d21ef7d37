/**
 * `accesslab simulate SCENARIO...`: authorizes each scenario's request
 * against its policies and explains the decision (text) or prints it as
 * JSON. Exit 1 when a scenario's `expected` decision is not met, 2 for
 * unusable input.
 */
import type { Command } from "commander";
import { explainDecision } from "../../engines/policy/explain.js";
import { runScenario, type ScenarioResult } from "../../engines/policy/run-scenario.js";
import { parseScenarios } from "../../engines/policy/scenario.js";
import { formatPosition } from "../../formats/position.js";
import { CliError } from "../cli-error.js";
import { expandJsonPaths, readText } from "../read-inputs.js";

interface SimulateOptions {
  readonly format: string;
  readonly verbose?: boolean;
}

/** Registers the `simulate` command on `program`. */
export function registerSimulate(program: Command): void {
  program
    .command("simulate")
    .description("authorize scenario requests against their policies and explain each decision")
    .argument("<scenario...>", "scenario JSON files or directories of them")
    .option("-f, --format <format>", "output format: text or json", "text")
    .option("-v, --verbose", "also list statements that did not apply to allowed requests")
    .action((paths: string[], options: SimulateOptions) => {
      process.exitCode = simulate(paths, options);
    });
}

/** Runs the command; returns the exit code. */
export function simulate(paths: readonly string[], options: SimulateOptions): number {
  if (options.format !== "text" && options.format !== "json") {
    throw new CliError(`unknown format \`${options.format}\`: expected text or json`);
  }
  const results: { file: string; result: ScenarioResult }[] = [];
  for (const file of expandJsonPaths(paths)) {
    const { scenarios, error } = parseScenarios(readText(file), file);
    if (error) throw new CliError(`${file}:${formatPosition(error.position)}: ${error.message}`);
    for (const scenario of scenarios) results.push({ file, result: runScenario(scenario) });
  }
  process.stdout.write(
    options.format === "json"
      ? `${JSON.stringify(results.map(toJson), null, 2)}\n`
      : toText(results, options),
  );
  return results.some(({ result }) => result.pass === false) ? 1 : 0;
}

function toJson({ file, result }: { file: string; result: ScenarioResult }) {
  const { scenario, decision } = result;
  return {
    name: scenario.name,
    file,
    decision: decision.decision,
    reasons: decision.reasons,
    deciding: decision.deciding,
    trace: decision.trace,
    ...(result.pass === undefined ? {} : { expected: scenario.expected, pass: result.pass }),
  };
}

function toText(
  results: readonly { file: string; result: ScenarioResult }[],
  options: SimulateOptions,
): string {
  const out: string[] = [];
  const counts = { Allowed: 0, ImplicitlyDenied: 0, ExplicitlyDenied: 0 };
  let passed = 0;
  let failed = 0;
  for (const { file, result } of results) {
    const { scenario, decision } = result;
    counts[decision.decision]++;
    const { principal, action, resource } = scenario.request;
    out.push(`== ${scenario.name}  (${file}:${formatPosition(scenario.position)})`);
    out.push(`   ${principal} -> ${action} on ${resource}`);
    out.push(
      explainDecision(decision, {
        source: file,
        ...(options.verbose ? { verbose: true } : {}),
      }).replace(/^/gm, "   "),
    );
    if (result.pass !== undefined) {
      out.push(
        result.pass
          ? `   expected ${scenario.expected}: pass`
          : `   expected ${scenario.expected}: FAIL`,
      );
      if (result.pass) passed++;
      else failed++;
    }
    out.push("");
  }
  const expectations =
    passed + failed > 0 ? `; expectations: ${passed} passed, ${failed} failed` : "";
  out.push(
    `${results.length} scenarios: ${counts.Allowed} allowed, ${counts.ImplicitlyDenied} implicitly denied, ${counts.ExplicitlyDenied} explicitly denied${expectations}`,
  );
  return `${out.join("\n")}\n`;
}
