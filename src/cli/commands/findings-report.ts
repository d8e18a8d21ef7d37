/**
 * Renders validation findings for people and tools: text (one line per
 * finding and a summary), JSON, and SARIF 2.1.0 for code-scanning UIs.
 */

import { describeCode } from "../../engines/policy/validate/codes.js";
import type { Finding, FindingType } from "../../engines/policy/validate/finding.js";
import { formatPosition } from "../../formats/position.js";
import { VERSION } from "../version.js";

/** The report formats `validate-policy` offers. */
export const REPORT_FORMATS = ["text", "json", "sarif"] as const;

/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What is being reported on. */
export interface FindingsReport {
  readonly file: string;
  readonly kind: string;
  readonly findings: readonly Finding[];
}

const TYPE_NAMES: ReadonlyArray<readonly [FindingType, string]> = [
  ["ERROR", "error"],
  ["SECURITY_WARNING", "security warning"],
  ["WARNING", "warning"],
  ["SUGGESTION", "suggestion"],
];

const SARIF_LEVEL: Readonly<Record<FindingType, string>> = {
  ERROR: "error",
  SECURITY_WARNING: "warning",
  WARNING: "warning",
  SUGGESTION: "note",
};

/**
 * Renders a report in `format`, ending with a newline.
 *
 * @example
 * renderFindings({ file: "p.json", kind: "identity", findings }, "text");
 * // "p.json:3:5  ERROR  missing-effect  statement 0 has no `Effect`\np.json: 1 error\n"
 */
export function renderFindings(report: FindingsReport, format: ReportFormat): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "sarif") return `${JSON.stringify(toSarif(report), null, 2)}\n`;
  const lines = report.findings.map(
    (f) => `${report.file}:${formatPosition(f.position)}  ${f.type}  ${f.code}  ${f.message}`,
  );
  return `${[...lines, `${report.file}: ${summary(report.findings)}`].join("\n")}\n`;
}

function summary(findings: readonly Finding[]): string {
  const parts = TYPE_NAMES.flatMap(([type, name]) => {
    const n = findings.filter((f) => f.type === type).length;
    return n === 0 ? [] : [`${n} ${name}${n === 1 ? "" : "s"}`];
  });
  return parts.length === 0 ? "no findings" : parts.join(", ");
}

/**
 * Builds the SARIF 2.1.0 log for a report.
 *
 * @example
 * toSarif({ file: "p.json", kind: "resource", findings }).runs[0].results[0].level; // "error"
 */
export function toSarif(report: FindingsReport): object {
  const codes = [...new Set(report.findings.map((f) => f.code))].sort();
  const uri = encodeURI(report.file.replaceAll("\\", "/"));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "accesslab",
            version: VERSION,
            rules: codes.map((id) => ({ id, shortDescription: { text: describeCode(id) } })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: codes.indexOf(f.code),
          level: SARIF_LEVEL[f.type],
          message: { text: f.message },
          properties: { findingType: f.type, policyKind: report.kind },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri },
                ...(f.position
                  ? { region: { startLine: f.position.line, startColumn: f.position.column } }
                  : {}),
              },
            },
          ],
        })),
      },
    ],
  };
}
