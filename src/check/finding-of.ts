/**
 * Turning a probe's result into a `Finding`: the rule's title, explanation
 * and fix with the probe's values filled in, the resource's file and the
 * position of the property at fault (or of the resource), and the evidence
 * the probe collected. An unknown rule id is a programming error and throws.
 */
import type { Finding } from "./finding.js";
import type { DeployedResource } from "./probe.js";
import { renderRuleText } from "./rule.js";
import { findRule } from "./rules.js";

/** What a probe found about one resource. */
export interface ProbeResult {
  readonly ruleId: string;
  readonly resource: DeployedResource;
  /** Placeholder values for the rule's texts. */
  readonly values: Readonly<Record<string, string>>;
  /** The transcript or decision trace that proves it. */
  readonly evidence: readonly string[];
  /** The property at fault, e.g. `["RootDirectory", "CreationInfo"]`. */
  readonly path?: readonly (string | number)[];
}

/**
 * The finding for a probe result.
 *
 * @example
 * findingOf({ ruleId: "efs-access-point-root-user", resource, values: { accessPoint: "Ap" }, evidence: [] });
 */
export function findingOf(result: ProbeResult): Finding {
  const rule = findRule(result.ruleId);
  if (rule === undefined) throw new Error(`probe reported unknown rule \`${result.ruleId}\``);
  const { resource, values } = result;
  const position =
    (result.path === undefined ? undefined : resource.positionOf(result.path)) ?? resource.position;
  return {
    ruleId: rule.id,
    severity: rule.severity,
    title: renderRuleText(rule.title, values),
    file: resource.file,
    logicalId: resource.logicalId,
    ...(position === undefined ? {} : { position }),
    explanation: renderRuleText(rule.explanation, values),
    evidence: result.evidence,
    fix: renderRuleText(rule.fix, values),
  };
}
