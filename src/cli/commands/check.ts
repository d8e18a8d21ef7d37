/**
 * `accesslab check PATH... [--format text|json|sarif|junit]
 * [--fail-on error|warning|info] [--config .accesslab.yaml] [--output FILE]
 * [--role-arn ARN] [--parameter K=V]...`: checks templates before they are deployed and reports
 * the findings.
 * Exit 0 when nothing at or above the fail level is shown, 1 when
 * something is, 2 when an input is unusable (a path that does not exist, a
 * template that cannot be read, a malformed configuration); the report is
 * written in every case where there is one.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { type CheckConfig, DEFAULT_FAIL_ON, DEFAULT_FORMAT } from "../../check/config.js";
import { emulationProbe } from "../../check/emulation-probe.js";
import type { Severity } from "../../check/finding.js";
import { isSeverity } from "../../check/report/fail-level.js";
import { CHECK_FORMATS, type CheckFormat, isCheckFormat } from "../../check/report/formats.js";
import type { CheckReport } from "../../check/report/model.js";
import { renderCheckReport } from "../../check/report/render.js";
import { summarize } from "../../check/report/summary.js";
import { type CheckTemplates, checkTemplates } from "../../check/run-check.js";
import { applySuppressions } from "../../check/suppress.js";
import { parseRoleArn } from "../../services/iam/ids.js";
import { CliError, EXIT_BAD_INPUT } from "../cli-error.js";
import { readText } from "../read-inputs.js";
import { VERSION } from "../version.js";
import { loadCheckConfig } from "./check-config-file.js";
import { expandTemplatePaths } from "./check-paths.js";
import { type ProgressStream, progressLine } from "./check-progress.js";
import { collectValues, parseParameters } from "./parameter-option.js";

/** The command's options as commander hands them over. */
export interface CheckCommandOptions {
  readonly format?: string;
  readonly failOn?: string;
  readonly config?: string;
  readonly output?: string;
  readonly roleArn?: string;
  readonly parameter?: string[];
}

/** What the command needs from its surroundings (tests pass their own). */
export interface CheckEnvironment {
  readonly cwd: string;
  readonly stderr: ProgressStream;
  readonly check?: CheckTemplates;
}

/**
 * Registers the `check` command on `program`.
 *
 * @example
 * registerCheck(new Command("accesslab"));
 */
export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("check templates before deploying them: what will fail, and why")
    .argument("<paths...>", "template files or directories (cdk.out, serverless services)")
    .option("-f, --format <format>", `report format: ${CHECK_FORMATS.join(", ")}`)
    .option("--fail-on <severity>", "fail (exit 1) on findings at or above: error, warning, info")
    .option("-c, --config <file>", "configuration file (default: .accesslab.yaml if present)")
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option(
      "--parameter <key=value>",
      "template parameter, repeatable; applied to each template that declares it",
      collectValues,
      [] as string[],
    )
    .option(
      "--role-arn <arn>",
      "CloudFormation service role the templates are deployed with (default: a Serverless service's provider.iam.deploymentRole)",
    )
    .action(async (paths: string[], options: CheckCommandOptions) => {
      const { output, exitCode } = await runCheckCommand(paths, options, {
        cwd: process.cwd(),
        stderr: process.stderr,
      });
      if (options.output) writeOutput(options.output, output);
      else process.stdout.write(output);
      process.exitCode = exitCode;
    });
}

/**
 * Runs the command without touching stdout or the exit code; unusable
 * paths, options or configuration are a {@link CliError}.
 *
 * @example
 * const { output, exitCode } = await runCheckCommand(["t.yaml"], { format: "json" }, { cwd: process.cwd(), stderr: process.stderr });
 */
export async function runCheckCommand(
  paths: readonly string[],
  options: CheckCommandOptions,
  env: CheckEnvironment,
): Promise<{ output: string; exitCode: number }> {
  const config = loadCheckConfig(options.config, env.cwd);
  const format = chooseFormat(options.format, config);
  const failOn = chooseFailOn(options.failOn, config);
  const files = expandTemplatePaths(paths, env.cwd);
  const progress = progressLine(env.stderr, files.length);
  const result = await (env.check ?? checkTemplates)(files, {
    readText: (file) => readText(file),
    probes: [emulationProbe],
    ...(options.roleArn === undefined ? {} : { serviceRoleArn: checkRoleArn(options.roleArn) }),
    parameters: parseParameters(options.parameter ?? []),
    onProgress: (done, total, file) => progress.update(done, total, file),
  });
  progress.done();
  const { shown, suppressed } = applySuppressions(result.findings, [
    ...result.ignores,
    ...config.ignore,
  ]);
  const report: CheckReport = {
    findings: shown,
    suppressed,
    diagnostics: result.diagnostics,
    files: result.filesChecked,
    failOn,
  };
  const output = renderCheckReport(report, format, {
    toolVersion: VERSION,
    workingDirectory: env.cwd,
  });
  const summary = summarize(report);
  const exitCode = summary.templateErrors > 0 ? EXIT_BAD_INPUT : summary.failed ? 1 : 0;
  return { output, exitCode };
}

function chooseFormat(option: string | undefined, config: CheckConfig): CheckFormat {
  if (option === undefined) return config.format ?? DEFAULT_FORMAT;
  if (!isCheckFormat(option))
    throw new CliError(`unknown format \`${option}\`: expected one of ${CHECK_FORMATS.join(", ")}`);
  return option;
}

function chooseFailOn(option: string | undefined, config: CheckConfig): Severity {
  if (option === undefined) return config.failOn ?? DEFAULT_FAIL_ON;
  if (!isSeverity(option))
    throw new CliError(`unknown severity \`${option}\`: expected one of error, warning, info`);
  return option;
}

function checkRoleArn(arn: string): string {
  if (parseRoleArn(arn) === undefined)
    throw new CliError(
      `invalid --role-arn \`${arn}\`: expected a role ARN such as arn:aws:iam::111122223333:role/deployer`,
    );
  return arn;
}

function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(
      `cannot write \`${path}\`: ${code === "ENOENT" ? "no such directory" : code === "EACCES" ? "permission denied" : String(error)}`,
    );
  }
}
