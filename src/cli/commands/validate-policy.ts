/**
 * `accesslab validate-policy FILE`: checks one policy document the way IAM
 * Access Analyzer's ValidatePolicy does, for a chosen policy kind, and
 * reports the findings as text, JSON or SARIF. Exit 1 when any finding is
 * an `ERROR`, 0 otherwise, 2 for unusable input.
 */
import type { Command } from "commander";
import { loadCatalogueForPolicy } from "../../catalogue/iam-data.js";
import { isPolicyKind, POLICY_KINDS } from "../../engines/policy/policy-kind.js";
import { validatePolicy } from "../../engines/policy/validate/validate.js";
import { CliError } from "../cli-error.js";
import { readText } from "../read-inputs.js";
import { REPORT_FORMATS, type ReportFormat, renderFindings } from "./findings-report.js";

/** The command's options as commander hands them over. */
export interface ValidatePolicyOptions {
  readonly kind: string;
  readonly format: string;
  /** False with `--no-catalogue`. */
  readonly catalogue?: boolean;
}

/**
 * Registers the `validate-policy` command on `program`.
 *
 * @example
 * registerValidatePolicy(new Command("accesslab"));
 */
export function registerValidatePolicy(program: Command): void {
  program
    .command("validate-policy")
    .description("check a policy document like IAM Access Analyzer's ValidatePolicy")
    .argument("<file>", "policy JSON file")
    .option("-k, --kind <kind>", `policy kind: ${POLICY_KINDS.join(", ")}`, "identity")
    .option("-f, --format <format>", `output format: ${REPORT_FORMATS.join(", ")}`, "text")
    .option("--no-catalogue", "skip the checks that need the AWS action catalogue")
    .action(async (file: string, options: ValidatePolicyOptions) => {
      const { output, exitCode } = await validatePolicyFile(file, options);
      process.stdout.write(output);
      process.exitCode = exitCode;
    });
}

/**
 * Runs the command without touching stdout or the exit code; unusable
 * input is a {@link CliError}.
 *
 * @example
 * const { output, exitCode } = await validatePolicyFile("policy.json", { kind: "resource", format: "sarif" });
 */
export async function validatePolicyFile(
  file: string,
  options: ValidatePolicyOptions,
): Promise<{ output: string; exitCode: number }> {
  const { kind, format } = options;
  if (!isPolicyKind(kind))
    throw new CliError(`unknown kind \`${kind}\`: expected one of ${POLICY_KINDS.join(", ")}`);
  if (!isReportFormat(format))
    throw new CliError(
      `unknown format \`${format}\`: expected one of ${REPORT_FORMATS.join(", ")}`,
    );
  const text = readText(file);
  const catalogue = options.catalogue === false ? undefined : await loadCatalogueForPolicy(text);
  const findings = validatePolicy(text, { kind, ...(catalogue ? { catalogue } : {}) });
  const output = renderFindings({ file, kind, findings }, format);
  return { output, exitCode: findings.some((f) => f.type === "ERROR") ? 1 : 0 };
}

function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
