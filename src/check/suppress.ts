/**
 * Applying ignore entries to findings: a finding is suppressed by the
 * first entry (metadata entries first, then config entries, each in the
 * order written) whose rule id, logical id and file all match it. The
 * rest are shown.
 */
import type { Finding } from "./finding.js";
import { matchesPattern, normalizePath } from "./pattern.js";
import type { IgnoreRule, SuppressedFinding } from "./suppression.js";

/** Findings split into those to show and those an entry silenced. */
export interface SuppressionResult {
  readonly shown: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
}

/**
 * True when `rule` silences `finding`.
 *
 * @example
 * ignores({ ruleId: "efs-*", reason: "r", source: "config", declaredIn: ".accesslab.yaml" }, finding);
 */
export function ignores(rule: IgnoreRule, finding: Finding): boolean {
  if (!matchesPattern(rule.ruleId, finding.ruleId)) return false;
  if (rule.logicalId !== undefined && !matchesPattern(rule.logicalId, finding.logicalId))
    return false;
  if (
    rule.file !== undefined &&
    !matchesPattern(normalizePath(rule.file), normalizePath(finding.file))
  )
    return false;
  return true;
}

/**
 * Splits `findings` by `rules`.
 *
 * @example
 * const { shown, suppressed } = applySuppressions(findings, [...metadataRules, ...configRules]);
 */
export function applySuppressions(
  findings: readonly Finding[],
  rules: readonly IgnoreRule[],
): SuppressionResult {
  const ordered = [
    ...rules.filter((r) => r.source === "metadata"),
    ...rules.filter((r) => r.source === "config"),
  ];
  const shown: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const rule = ordered.find((r) => ignores(r, finding));
    if (rule) suppressed.push({ finding, rule });
    else shown.push(finding);
  }
  return { shown, suppressed };
}
