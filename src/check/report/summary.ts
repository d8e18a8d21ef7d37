/**
 * The numbers at the end of every report: files and resources checked,
 * findings by severity and by rule (shown and suppressed apart), reading
 * problems, and whether the run fails at its fail level.
 */
import { SEVERITIES, type Severity } from "../finding.js";
import { atOrAbove } from "./fail-level.js";
import type { CheckReport } from "./model.js";

/** Counts for one rule. */
export interface RuleCount {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly shown: number;
  readonly suppressed: number;
}

/** A report's summary. */
export interface CheckSummary {
  readonly filesChecked: number;
  readonly resourcesChecked: number;
  readonly findings: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Rules in id order. */
  readonly byRule: readonly RuleCount[];
  readonly suppressed: number;
  /** Errors met while reading templates (each makes the input unusable). */
  readonly templateErrors: number;
  /** True when a shown finding is at or above the fail level. */
  readonly failed: boolean;
}

/**
 * Counts a report.
 *
 * @example
 * summarize(report).bySeverity.error; // 2
 */
export function summarize(report: CheckReport): CheckSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of report.findings) bySeverity[f.severity]++;
  const rules = new Map<string, { severity: Severity; shown: number; suppressed: number }>();
  const count = (ruleId: string, severity: Severity) => {
    const known = rules.get(ruleId);
    if (known) return known;
    const entry = { severity, shown: 0, suppressed: 0 };
    rules.set(ruleId, entry);
    return entry;
  };
  for (const f of report.findings) count(f.ruleId, f.severity).shown++;
  for (const s of report.suppressed) count(s.finding.ruleId, s.finding.severity).suppressed++;
  return {
    filesChecked: report.files.length,
    resourcesChecked: report.files.reduce((n, f) => n + f.resources.length, 0),
    findings: report.findings.length,
    bySeverity,
    byRule: [...rules.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ruleId, c]) => ({ ruleId, ...c })),
    suppressed: report.suppressed.length,
    templateErrors: report.diagnostics.filter((d) => d.severity === "error").length,
    failed: report.findings.some((f) => atOrAbove(f.severity, report.failOn)),
  };
}
