/**
 * The text report, for people at a terminal or reading a CI log: findings
 * grouped by file, each with its position, severity, rule and resource on
 * one line, then the explanation, the evidence and the fix; problems met
 * while reading a template in the same group; a summary table at the end.
 */
import { formatPosition } from "../../formats/position.js";
import type { TemplateDiagnostic } from "../../templates/model.js";
import type { Finding } from "../finding.js";
import { SEVERITIES } from "../finding.js";
import type { CheckReport } from "./model.js";
import { type CheckSummary, summarize } from "./summary.js";
import { wrap } from "./wrap.js";

const WIDTH = 100;
const BODY = "    ";

/**
 * Renders the text report, ending with a newline.
 *
 * @example
 * renderText(report);
 * // "t.yaml:12:7  error  efs-access-point-root-user  DataAccessPoint  …\n    …\nsummary: …\n"
 */
export function renderText(report: CheckReport): string {
  const out: string[] = [];
  for (const file of filesInOrder(report)) {
    const diagnostics = report.diagnostics.filter((d) => d.file === file);
    const findings = report.findings.filter((f) => f.file === file);
    out.push(`== ${file}`, "");
    for (const d of diagnostics) out.push(diagnosticLine(d), "");
    for (const f of findings) out.push(...findingLines(f), "");
  }
  out.push(...summaryLines(summarize(report), report.failOn));
  return `${out.join("\n")}\n`;
}

function filesInOrder(report: CheckReport): string[] {
  const files = new Set([...report.diagnostics, ...report.findings].map((x) => x.file));
  return [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function diagnosticLine(d: TemplateDiagnostic): string {
  const where = d.position ? `${d.file}:${formatPosition(d.position)}` : d.file;
  return `${where}  ${d.severity}  template/${d.code}${d.logicalId ? `  ${d.logicalId}` : ""}  ${d.message}`;
}

function findingLines(f: Finding): string[] {
  const where = f.position ? `${f.file}:${formatPosition(f.position)}` : f.file;
  return [
    `${where}  ${f.severity}  ${f.ruleId}  ${f.logicalId}  ${f.title}`,
    ...wrap(f.explanation, WIDTH, BODY),
    ...(f.evidence.length > 0
      ? [`${BODY}evidence:`, ...f.evidence.map((e) => `${BODY}  ${e}`)]
      : []),
    ...wrap(`fix: ${f.fix}`, WIDTH, BODY),
  ];
}

function summaryLines(s: CheckSummary, failOn: string): string[] {
  const lines = [
    `summary: ${plural(s.filesChecked, "file")}, ${plural(s.resourcesChecked, "resource")} checked`,
    "",
    `  ${"severity".padEnd(12)}findings`,
    ...SEVERITIES.map((sev) => `  ${sev.padEnd(12)}${String(s.bySeverity[sev]).padStart(8)}`),
    `  ${"suppressed".padEnd(12)}${String(s.suppressed).padStart(8)}`,
  ];
  if (s.byRule.length > 0) {
    const w = Math.max(4, ...s.byRule.map((r) => r.ruleId.length)) + 2;
    lines.push(
      "",
      `  ${"rule".padEnd(w)}${"severity".padEnd(10)}${"shown".padStart(6)}${"suppressed".padStart(12)}`,
      ...s.byRule.map(
        (r) =>
          `  ${r.ruleId.padEnd(w)}${r.severity.padEnd(10)}${String(r.shown).padStart(6)}${String(r.suppressed).padStart(12)}`,
      ),
    );
  }
  lines.push("", resultLine(s, failOn));
  return lines;
}

function resultLine(s: CheckSummary, failOn: string): string {
  if (s.templateErrors > 0)
    return `result: unusable input (${plural(s.templateErrors, "template error")})`;
  if (s.failed) return `result: failed (findings at or above \`${failOn}\`)`;
  return `result: passed (no findings at or above \`${failOn}\`)`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
