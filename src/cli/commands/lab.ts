/**
 * `accesslab lab SCENARIO...`: replays an EFS experiment (file systems,
 * access points, principals, then mounts and file operations in order) in
 * memory and prints it as a shell transcript, or as JSON. Exit 1 when a
 * step's expectation is not met, 2 for unusable input.
 */
import type { Command } from "commander";
import { formatPosition } from "../../formats/position.js";
import { createLabEnvironment, LabSetupError, seededRandom } from "../../lab/environment.js";
import { runLab, type StepResult } from "../../lab/run.js";
import { readLabScenario } from "../../lab/scenario.js";
import { CliError } from "../cli-error.js";
import { readText } from "../read-inputs.js";

interface LabOptions {
  readonly format: string;
}

/** Registers the `lab` command on `program`. */
export function registerLab(program: Command): void {
  program
    .command("lab")
    .description(
      "replay an EFS experiment (mounts through access points, file operations) and print the transcript",
    )
    .argument("<scenario...>", "lab scenario YAML (or JSON) files")
    .option("-f, --format <format>", "output format: text or json", "text")
    .action((paths: string[], options: LabOptions) => {
      process.exitCode = lab(paths, options);
    });
}

/** Runs the command; returns the exit code. */
export function lab(paths: readonly string[], options: LabOptions): number {
  if (options.format !== "text" && options.format !== "json") {
    throw new CliError(`unknown format \`${options.format}\`: expected text or json`);
  }
  const runs = paths.map((file) => {
    const { scenario, error } = readLabScenario(readText(file));
    if (!scenario)
      throw new CliError(`${file}:${formatPosition(error?.position)}: ${error?.message}`);
    let env: ReturnType<typeof createLabEnvironment>;
    try {
      env = createLabEnvironment(scenario, seededRandom(1), Date.now);
    } catch (e) {
      if (e instanceof LabSetupError) throw new CliError(`${file}: ${e.message}`);
      throw e;
    }
    return { file, name: scenario.name, results: runLab(env, scenario.steps) };
  });
  if (options.format === "json") {
    const out = runs.map((r) => ({ file: r.file, name: r.name, steps: r.results.map(toJson) }));
    process.stdout.write(`${JSON.stringify(paths.length === 1 ? out[0] : out, null, 2)}\n`);
  } else {
    for (const r of runs) process.stdout.write(transcript(r.file, r.name, r.results));
  }
  return runs.some((r) => r.results.some((s) => s.expectation?.met === false)) ? 1 : 0;
}

function toJson(r: StepResult) {
  return {
    step: r.index,
    action: r.step.kind,
    command: r.command,
    ok: r.ok,
    ...(r.errno ? { errno: r.errno } : {}),
    ...(r.refusal ? { refusal: r.refusal } : {}),
    ...(r.output.length > 0 ? { output: r.output.join("\n") } : {}),
    ...(r.expectation ? { expect: r.expectation.expected, pass: r.expectation.met } : {}),
  };
}

function transcript(
  file: string,
  name: string | undefined,
  results: readonly StepResult[],
): string {
  const lines = [`# ${name ?? file}`, `# ${file}`, ""];
  let met = 0;
  let unmet = 0;
  for (const r of results) {
    lines.push(`$ ${r.command}`);
    for (const line of r.output) lines.push(line);
    if (r.expectation) {
      const actual = r.refusal ?? r.errno ?? "ok";
      if (r.expectation.met) {
        met++;
        lines.push(`  [expected ${r.expectation.expected}: ok]`);
      } else {
        unmet++;
        const where = r.step.position ? ` (${file}:${formatPosition(r.step.position)})` : "";
        lines.push(
          `  [EXPECTATION NOT MET: expected ${r.expectation.expected}, got ${actual}${where}]`,
        );
      }
    }
  }
  lines.push("", `${results.length} steps; expectations: ${met} met, ${unmet} not met`, "");
  return `${lines.join("\n")}\n`;
}
