/**
 * The JSON report, a stable shape for scripts (version 1; fields are only
 * ever added within a version):
 *
 * ```
 * { version: 1,
 *   tool: { name: "accesslab", version },
 *   failOn: "error" | "warning" | "info",
 *   findings: [{ ruleId, severity, title, file, logicalId, line?, column?,
 *                explanation, evidence: string[], fix }],
 *   diagnostics: [{ severity, code, message, file, line?, column?, logicalId? }],
 *   files: [{ file, resources: number }],
 *   summary: { filesChecked, resourcesChecked, findings,
 *              bySeverity: { error, warning, info },
 *              byRule: [{ ruleId, severity, shown, suppressed }],
 *              suppressed, templateErrors, failed } }
 * ```
 * Suppressed findings are counted in `summary`, not listed.
 */
import type { CheckReport, RenderOptions } from "./model.js";
import { summarize } from "./summary.js";

/** The JSON report's shape version. */
export const JSON_REPORT_VERSION = 1;

/**
 * Renders the JSON report, ending with a newline.
 *
 * @example
 * JSON.parse(renderJson(report, { toolVersion: "0.1.0", workingDirectory: "/src" })).summary.failed;
 */
export function renderJson(report: CheckReport, options: RenderOptions): string {
  const value = {
    version: JSON_REPORT_VERSION,
    tool: { name: "accesslab", version: options.toolVersion },
    failOn: report.failOn,
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      file: f.file,
      logicalId: f.logicalId,
      ...(f.position ? { line: f.position.line, column: f.position.column } : {}),
      explanation: f.explanation,
      evidence: f.evidence,
      fix: f.fix,
    })),
    diagnostics: report.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      file: d.file,
      ...(d.position ? { line: d.position.line, column: d.position.column } : {}),
      ...(d.logicalId ? { logicalId: d.logicalId } : {}),
    })),
    files: report.files.map((f) => ({ file: f.file, resources: f.resources.length })),
    summary: summarize(report),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}
